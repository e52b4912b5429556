import type { MigrationInterface, QueryRunner } from 'typeorm';

/** When an unacknowledged rectification notice was re-sent, and when it was escalated. */
export class NoticeFollowUp1764010000000 implements MigrationInterface {
  name = 'NoticeFollowUp1764010000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE notices ADD COLUMN resent_at timestamptz, ADD COLUMN escalated_at timestamptz');
    await runner.query(`CREATE INDEX notices_unacknowledged_idx ON notices (created_at) WHERE acknowledged_at IS NULL AND escalated_at IS NULL AND type = 'rectification_notice'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX notices_unacknowledged_idx');
    await runner.query('ALTER TABLE notices DROP COLUMN resent_at, DROP COLUMN escalated_at');
  }
}
