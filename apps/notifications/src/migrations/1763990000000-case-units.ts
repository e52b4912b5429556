import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Which unit answers for a case, from CaseAssigned: later case events do not all repeat it. */
export class CaseUnits1763990000000 implements MigrationInterface {
  name = 'CaseUnits1763990000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE case_units (
      case_id uuid PRIMARY KEY,
      responsible_unit_id text NOT NULL,
      deadline timestamptz NOT NULL
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE case_units');
  }
}
