import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The admin's settings (DESIGN §1: "units, users, thresholds, deadlines"). Like units, every
 * change is also appended to the gateway's event log, which the relay publishes on
 * `gateway.events` for the services' directory copies.
 */
export class DirectoryLog1764200000000 implements MigrationInterface {
  name = 'DirectoryLog1764200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE taxonomy_settings (
      code       text PRIMARY KEY,
      severity   text NOT NULL CHECK (severity IN ('general', 'serious', 'grave')),
      days       integer NOT NULL CHECK (days BETWEEN 1 AND 365),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await runner.query(`CREATE TABLE threshold_settings (
      id                boolean PRIMARY KEY DEFAULT true CHECK (id),
      unsatisfied_above double precision NOT NULL,
      satisfied_below   double precision NOT NULL,
      min_ballots       integer NOT NULL,
      updated_at        timestamptz NOT NULL DEFAULT now())`);
    await runner.query(`ALTER TABLE users ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE users DROP COLUMN updated_at');
    await runner.query('DROP TABLE threshold_settings');
    await runner.query('DROP TABLE taxonomy_settings');
  }
}
