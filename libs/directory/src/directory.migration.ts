import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * This service's copy of the gateway's directory (libs/directory): units, the taxonomy's time
 * limits and the default thresholds, kept by the `gateway.events` feed. `version` is the
 * stream version last applied, so a redelivered or older event never overwrites a newer one.
 */
export class DirectoryCopy1764200000000 implements MigrationInterface {
  name = 'DirectoryCopy1764200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE directory_units (
      id        text PRIMARY KEY,
      name      text NOT NULL,
      parent_id text NULL,
      version   integer NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await runner.query(`CREATE TABLE directory_taxonomy (
      code     text PRIMARY KEY,
      severity text NOT NULL,
      days     integer NOT NULL,
      version  integer NOT NULL)`);
    await runner.query(`CREATE TABLE directory_thresholds (
      id                 boolean PRIMARY KEY DEFAULT true CHECK (id),
      unsatisfied_above  double precision NOT NULL,
      satisfied_below    double precision NOT NULL,
      min_ballots        integer NOT NULL,
      version            integer NOT NULL)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['directory_thresholds', 'directory_taxonomy', 'directory_units']) await runner.query(`DROP TABLE ${table}`);
  }
}

export const DirectoryMigrations = [DirectoryCopy1764200000000];
