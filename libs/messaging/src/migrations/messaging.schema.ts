/**
 * `processed_messages` makes consumers idempotent: a handler's effect and the row naming the
 * event commit in one transaction, so a redelivered event finds its row and does nothing.
 * `relay_checkpoints` holds how far each relay has published its service's log.
 */
export const MESSAGING_SCHEMA_UP = [
  `CREATE TABLE IF NOT EXISTS processed_messages (
     consumer     text        NOT NULL,
     event_id     uuid        NOT NULL,
     processed_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (consumer, event_id)
   )`,
  `CREATE TABLE IF NOT EXISTS relay_checkpoints (
     name       text PRIMARY KEY,
     txid       xid8        NOT NULL,
     position   bigint      NOT NULL,
     updated_at timestamptz NOT NULL DEFAULT now()
   )`,
];

export const MESSAGING_SCHEMA_DOWN = [
  `DROP TABLE IF EXISTS relay_checkpoints`,
  `DROP TABLE IF EXISTS processed_messages`,
];
