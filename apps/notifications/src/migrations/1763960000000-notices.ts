import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Notices1763960000000 implements MigrationInterface {
  name = 'Notices1763960000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE notices (
      id uuid PRIMARY KEY,
      type text NOT NULL,
      unit_id text NOT NULL,
      case_id uuid,
      title text NOT NULL,
      source_event_id uuid NOT NULL,
      created_at timestamptz NOT NULL,
      acknowledged_at timestamptz,
      acknowledged_by text,
      UNIQUE (source_event_id, unit_id, type)
    )`);
    await runner.query('CREATE INDEX notices_unit_idx ON notices (unit_id, created_at DESC)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE notices');
  }
}
