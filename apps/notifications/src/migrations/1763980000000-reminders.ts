import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Reminders1763980000000 implements MigrationInterface {
  name = 'Reminders1763980000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE reminders (
      id uuid PRIMARY KEY,
      case_id uuid NOT NULL,
      unit_id text NOT NULL,
      kind text NOT NULL,
      deadline timestamptz NOT NULL,
      due_at timestamptz NOT NULL,
      status text NOT NULL CHECK (status IN ('pending', 'sent', 'cancelled')),
      notice_id uuid
    )`);
    await runner.query(`CREATE INDEX reminders_due_idx ON reminders (due_at) WHERE status = 'pending'`);
    await runner.query('CREATE INDEX reminders_case_idx ON reminders (case_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE reminders');
  }
}
