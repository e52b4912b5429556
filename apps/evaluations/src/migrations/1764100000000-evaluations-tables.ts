import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ballots and report secrets live outside the event log (ADR 006): ballots carry only their
 * campaign, group and day; tokens and receipt codes only as sha256; report text and the
 * encrypted contact details only here, so none of them reaches Kafka.
 */
export class EvaluationsTables1764100000000 implements MigrationInterface {
  name = 'EvaluationsTables1764100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE ballot_tokens (
      token_hash bytea PRIMARY KEY,
      campaign_id uuid NOT NULL,
      respondent_group text NOT NULL,
      used boolean NOT NULL DEFAULT false
    )`);
    await runner.query('CREATE INDEX ballot_tokens_campaign_idx ON ballot_tokens (campaign_id)');
    // No link to the token, no sequence, no time of day: nothing orders or identifies a ballot.
    await runner.query(`CREATE TABLE ballots (
      id uuid PRIMARY KEY,
      campaign_id uuid NOT NULL,
      respondent_group text NOT NULL,
      cast_on date NOT NULL
    )`);
    await runner.query('CREATE INDEX ballots_campaign_idx ON ballots (campaign_id)');
    await runner.query(`CREATE TABLE ballot_ratings (
      ballot_id uuid NOT NULL REFERENCES ballots (id) ON DELETE CASCADE,
      target_id text NOT NULL,
      rating text NOT NULL,
      comment text,
      PRIMARY KEY (ballot_id, target_id)
    )`);
    // Written with each campaign's TargetRated events, in the same transaction: "the previous
    // campaign" of a target for the repeated-breach rule. Rebuildable from TargetRated.
    await runner.query(`CREATE TABLE target_result_history (
      target_kind text NOT NULL,
      target_id text NOT NULL,
      campaign_id uuid NOT NULL,
      closed_at timestamptz NOT NULL,
      breach boolean NOT NULL,
      PRIMARY KEY (target_kind, target_id, campaign_id)
    )`);
    await runner.query(`CREATE TABLE campaign_list (
      id uuid PRIMARY KEY,
      title text NOT NULL,
      status text NOT NULL,
      opens_at timestamptz NOT NULL,
      closes_at timestamptz NOT NULL,
      targets integer NOT NULL,
      tokens_issued integer NOT NULL DEFAULT 0,
      ballots integer,
      breaches integer NOT NULL DEFAULT 0,
      follow_up_of_case_id uuid,
      opened_at timestamptz NOT NULL,
      closed_at timestamptz
    )`);
    await runner.query('CREATE INDEX campaign_list_opened_idx ON campaign_list (opened_at DESC)');
    await runner.query(`CREATE TABLE report_receipts (
      receipt_hash bytea PRIMARY KEY,
      report_id uuid NOT NULL UNIQUE
    )`);
    await runner.query(`CREATE TABLE report_details (
      report_id uuid PRIMARY KEY,
      description text NOT NULL,
      contact_sealed bytea
    )`);
    await runner.query(`CREATE TABLE report_cases (
      case_id uuid NOT NULL,
      report_id uuid NOT NULL,
      PRIMARY KEY (case_id, report_id)
    )`);
    await runner.query(`CREATE TABLE report_list (
      report_id uuid PRIMARY KEY,
      status text NOT NULL,
      channel text NOT NULL,
      unit_id text,
      category text,
      case_id uuid,
      received_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    )`);
    await runner.query('CREATE INDEX report_list_status_idx ON report_list (status, received_at DESC)');
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['report_list', 'report_cases', 'report_details', 'report_receipts', 'target_result_history', 'campaign_list', 'ballot_ratings', 'ballots', 'ballot_tokens']) {
      await runner.query(`DROP TABLE ${table}`);
    }
  }
}
