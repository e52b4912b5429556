import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The durable timers, the consumed events correlated to cases, and the list's lifecycle columns. */
export class CaseLifecycle1764000000000 implements MigrationInterface {
  name = 'CaseLifecycle1764000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE case_list
      ADD COLUMN return_count integer NOT NULL DEFAULT 0,
      ADD COLUMN reopen_count integer NOT NULL DEFAULT 0`);
    await runner.query('CREATE INDEX case_list_category_idx ON case_list (category, opened_at DESC)');
    // One armed timer per (case, kind); a projection of the deadline events keeps it current.
    await runner.query(`CREATE TABLE case_timers (
      case_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('deadline', 'look_back')),
      due_at timestamptz NOT NULL,
      armed boolean NOT NULL DEFAULT true,
      PRIMARY KEY (case_id, kind)
    )`);
    await runner.query('CREATE INDEX case_timers_due_idx ON case_timers (due_at) WHERE armed');
    // Integration events from other services that concern a case, stored in the transaction of their effect.
    await runner.query(`CREATE TABLE case_foreign_events (
      event_id uuid PRIMARY KEY,
      case_id uuid NOT NULL,
      service text NOT NULL,
      type text NOT NULL,
      occurred_at timestamptz NOT NULL,
      actor jsonb NOT NULL,
      data jsonb NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query('CREATE INDEX case_foreign_events_case_idx ON case_foreign_events (case_id, occurred_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE case_foreign_events');
    await runner.query('DROP TABLE case_timers');
    await runner.query('DROP INDEX case_list_category_idx');
    await runner.query('ALTER TABLE case_list DROP COLUMN return_count, DROP COLUMN reopen_count');
  }
}
