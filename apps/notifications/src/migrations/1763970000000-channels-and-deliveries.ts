import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ChannelsAndDeliveries1763970000000 implements MigrationInterface {
  name = 'ChannelsAndDeliveries1763970000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE unit_channels (
      unit_id text PRIMARY KEY,
      webhook_url text,
      webhook_secret text,
      emails text[] NOT NULL DEFAULT '{}',
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    // One row per (notice, channel, target): the durable delivery schedule. A crashed sender's
    // claim expires (locked_until) and the row is picked up again.
    await runner.query(`CREATE TABLE deliveries (
      id uuid PRIMARY KEY,
      notice_id uuid NOT NULL REFERENCES notices (id),
      channel text NOT NULL CHECK (channel IN ('webhook', 'email')),
      target text NOT NULL,
      status text NOT NULL CHECK (status IN ('pending', 'delivered', 'dead')),
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL,
      locked_until timestamptz,
      last_error text,
      delivered_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (notice_id, channel, target)
    )`);
    await runner.query(`CREATE INDEX deliveries_due_idx ON deliveries (next_attempt_at) WHERE status = 'pending'`);
    // Every try, kept across re-sends (a re-send starts a new round: `attempt` counts within it).
    await runner.query(`CREATE TABLE delivery_attempts (
      id bigserial PRIMARY KEY,
      delivery_id uuid NOT NULL REFERENCES deliveries (id),
      attempt integer NOT NULL,
      at timestamptz NOT NULL,
      ok boolean NOT NULL,
      detail text
    )`);
    await runner.query('CREATE INDEX delivery_attempts_delivery_idx ON delivery_attempts (delivery_id, id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE delivery_attempts');
    await runner.query('DROP TABLE deliveries');
    await runner.query('DROP TABLE unit_channels');
  }
}
