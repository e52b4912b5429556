import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateDirectory1763900000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE units (
        id         text PRIMARY KEY,
        name       text NOT NULL,
        parent_id  text NULL REFERENCES units (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE users (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username      text NOT NULL UNIQUE,
        password_hash text NOT NULL,
        role          text NOT NULL CHECK (role IN ('admin', 'inspector', 'department', 'analyst')),
        unit_id       text NULL REFERENCES units (id),
        created_at    timestamptz NOT NULL DEFAULT now(),
        -- a department user acts for its unit; without one it could see nothing, or everything
        CONSTRAINT department_has_unit CHECK (role <> 'department' OR unit_id IS NOT NULL)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE users');
    await queryRunner.query('DROP TABLE units');
  }
}
