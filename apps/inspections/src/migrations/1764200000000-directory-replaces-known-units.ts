import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The seeded `known_units` gives way to the directory copy fed by `gateway.events` (ADR 008). */
export class DirectoryReplacesKnownUnits1764200000000 implements MigrationInterface {
  name = 'DirectoryReplacesKnownUnits1764200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE known_units');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE TABLE known_units (id text PRIMARY KEY, parent_id text, level integer NOT NULL)');
  }
}
