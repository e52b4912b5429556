import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `case_stats`: one row per case with the milestones analytics needs (first overdue, first
 * verification request, first resolution, returns, reopenings). A read model of the case log,
 * rebuilt by `npm run cases -- rebuild` like the others.
 */
export class CaseStats1764400000000 implements MigrationInterface {
  name = 'CaseStats1764400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE case_stats (
      case_id uuid PRIMARY KEY,
      unit_id text NOT NULL,
      responsible_unit_id text,
      category text NOT NULL,
      status text NOT NULL,
      overdue boolean NOT NULL DEFAULT false,
      opened_at timestamptz NOT NULL,
      first_overdue_at timestamptz,
      first_verification_at timestamptz,
      first_resolved_at timestamptz,
      return_count integer NOT NULL DEFAULT 0,
      reopen_count integer NOT NULL DEFAULT 0
    )`);
    await runner.query('CREATE INDEX case_stats_opened_idx ON case_stats (opened_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE case_stats');
  }
}
