import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which case each breach opened, from rectification's CaseOpened: a follow-up poll re-rates the
 * breaching target with the breaching campaign's groups and rules when that case asks for
 * verification, and VerificationRequested names only the case.
 */
export class BreachCases1764200000000 implements MigrationInterface {
  name = 'BreachCases1764200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE breach_cases (
      case_id uuid PRIMARY KEY,
      campaign_id uuid NOT NULL,
      target_kind text NOT NULL,
      target_id text NOT NULL
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE breach_cases');
  }
}
