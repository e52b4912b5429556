import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CaseList1763950000000 implements MigrationInterface {
  name = 'CaseList1763950000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE case_list (
      id uuid PRIMARY KEY,
      unit_id text NOT NULL,
      responsible_unit_id text,
      category text NOT NULL,
      title text NOT NULL,
      severity text NOT NULL,
      status text NOT NULL,
      source_kind text NOT NULL,
      source_ref text,
      deadline timestamptz,
      overdue boolean NOT NULL DEFAULT false,
      escalated boolean NOT NULL DEFAULT false,
      version integer NOT NULL,
      opened_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    )`);
    await runner.query('CREATE INDEX case_list_unit_idx ON case_list (unit_id, opened_at DESC)');
    await runner.query('CREATE INDEX case_list_responsible_unit_idx ON case_list (responsible_unit_id, opened_at DESC)');
    await runner.query('CREATE INDEX case_list_status_idx ON case_list (status, opened_at DESC)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE case_list');
  }
}
