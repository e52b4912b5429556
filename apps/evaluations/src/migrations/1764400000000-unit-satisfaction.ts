import type { MigrationInterface, QueryRunner } from 'typeorm';

/** `unit_satisfaction`: each unit target's result per closed campaign, for analytics; a projection of TargetRated. */
export class UnitSatisfaction1764400000000 implements MigrationInterface {
  name = 'UnitSatisfaction1764400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE unit_satisfaction (
      campaign_id uuid NOT NULL,
      unit_id text NOT NULL,
      satisfied_share double precision NOT NULL,
      ballots integer NOT NULL,
      insufficient_sample boolean NOT NULL,
      closed_at timestamptz NOT NULL,
      PRIMARY KEY (campaign_id, unit_id)
    )`);
    await runner.query('CREATE INDEX unit_satisfaction_closed_idx ON unit_satisfaction (closed_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE unit_satisfaction');
  }
}
