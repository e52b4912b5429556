import type { MigrationInterface, QueryRunner } from 'typeorm';

/** `visit_log`: one row per recorded visit, for analytics; a projection of VisitRecorded. */
export class VisitLog1764400000000 implements MigrationInterface {
  name = 'VisitLog1764400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE visit_log (
      visit_id uuid PRIMARY KEY,
      plan_id uuid NOT NULL,
      unit_id text NOT NULL,
      mode text NOT NULL,
      arrived_at timestamptz NOT NULL
    )`);
    await runner.query('CREATE INDEX visit_log_arrived_idx ON visit_log (arrived_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE visit_log');
  }
}
