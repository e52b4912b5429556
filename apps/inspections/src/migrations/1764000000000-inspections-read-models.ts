import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * known_units: the unit directory as this service knows it (the gateway owns the directory and
 * this service cannot read its database); seeded with the demo directory of DESIGN §7.
 */
export class InspectionsReadModels1764000000000 implements MigrationInterface {
  name = 'InspectionsReadModels1764000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE known_units (id text PRIMARY KEY, parent_id text, level integer NOT NULL)`);
    await runner.query(`INSERT INTO known_units (id, parent_id, level) VALUES
      ('county', NULL, 0), ('unit-a', 'county', 1), ('unit-b', 'county', 1), ('unit-c', 'county', 1)`);
    await runner.query(`CREATE TABLE plan_list (
      id uuid PRIMARY KEY,
      title text NOT NULL,
      mode text NOT NULL,
      scope text NOT NULL,
      status text NOT NULL,
      target_unit_ids text[] NOT NULL,
      team text[] NOT NULL,
      visited_unit_ids text[] NOT NULL DEFAULT '{}',
      disclosed_unit_ids text[] NOT NULL DEFAULT '{}',
      version integer NOT NULL,
      planned_at timestamptz NOT NULL
    )`);
    await runner.query(`CREATE TABLE sealed_plan_reads (
      id bigserial PRIMARY KEY,
      plan_id uuid NOT NULL,
      user_id text NOT NULL,
      username text NOT NULL,
      role text NOT NULL,
      endpoint text NOT NULL,
      read_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query('CREATE INDEX sealed_plan_reads_plan_idx ON sealed_plan_reads (plan_id, read_at)');
    await runner.query(`CREATE TABLE idempotency_keys (
      scope text NOT NULL,
      key text NOT NULL,
      user_id text NOT NULL,
      status integer,
      body json,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (scope, key, user_id)
    )`);
    await runner.query(`CREATE TABLE reinspection_tasks (
      id uuid PRIMARY KEY,
      case_id uuid NOT NULL,
      unit_id text NOT NULL,
      responsible_unit_id text NOT NULL,
      category text NOT NULL,
      purpose text NOT NULL,
      mode text NOT NULL,
      status text NOT NULL,
      outcome text,
      version integer NOT NULL,
      requested_at timestamptz NOT NULL
    )`);
    await runner.query('CREATE INDEX reinspection_tasks_status_idx ON reinspection_tasks (status, requested_at)');
    await runner.query(`CREATE TABLE unit_risk (unit_id text PRIMARY KEY, cases_opened integer NOT NULL DEFAULT 0)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['unit_risk', 'reinspection_tasks', 'idempotency_keys', 'sealed_plan_reads', 'plan_list', 'known_units']) {
      await runner.query(`DROP TABLE ${table}`);
    }
  }
}
