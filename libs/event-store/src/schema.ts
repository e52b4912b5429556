/**
 * The event store's tables. One `events` table is both the log and the outbox: the relay
 * publishes from it (libs/messaging), so there is no second table to keep in step.
 *
 * `txid` is the writing transaction (pg_current_xact_id()). readAll only returns rows whose
 * transaction is older than every transaction still running (pg_snapshot_xmin), so a
 * transaction that took a lower `position` but commits late is never skipped.
 */
export const EVENT_STORE_SCHEMA_UP = [
  `CREATE TABLE IF NOT EXISTS events (
     position       bigserial PRIMARY KEY,
     txid           xid8        NOT NULL DEFAULT pg_current_xact_id(),
     stream_id      text        NOT NULL,
     stream_version integer     NOT NULL CHECK (stream_version > 0),
     event_id       uuid        NOT NULL,
     type           text        NOT NULL,
     schema_version integer     NOT NULL,
     data           json        NOT NULL, -- json, not jsonb: kept verbatim, so its hash can be checked
     metadata       json        NOT NULL,
     occurred_at    timestamptz NOT NULL,
     recorded_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
     hash           bytea       NOT NULL,
     prev_hash      bytea,
     CONSTRAINT events_stream_version_uk UNIQUE (stream_id, stream_version),
     CONSTRAINT events_event_id_uk UNIQUE (event_id)
   )`,
  `CREATE INDEX IF NOT EXISTS events_txid_position_idx ON events (txid, position)`,
  `CREATE TABLE IF NOT EXISTS snapshots (
     stream_id  text        NOT NULL,
     reducer    text        NOT NULL,
     version    integer     NOT NULL,
     state      jsonb       NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (stream_id, reducer, version)
   )`,
  `CREATE TABLE IF NOT EXISTS projection_checkpoints (
     name       text PRIMARY KEY,
     txid       xid8        NOT NULL,
     position   bigint      NOT NULL,
     updated_at timestamptz NOT NULL DEFAULT now()
   )`,
  // The slow path of append (the store does not know the stream's head): one round trip that
  // reads the head, checks the expected version, chains the hashes and inserts. Content hashes
  // come from the caller (canonical JSON in Node); the chain is
  // sha256(prev_hash || int4(version) || content_hash), as in hash-chain.ts.
  `DROP FUNCTION IF EXISTS event_store_append`,
  `CREATE OR REPLACE FUNCTION event_store_append(
     p_stream text, p_expected integer, p_event_ids uuid[], p_types text[],
     p_schema_versions integer[], p_data json[], p_metadata json[],
     p_occurred timestamptz[], p_content_hashes bytea[]
   ) RETURNS TABLE (next_version integer, last_hash bytea)
   LANGUAGE plpgsql AS $fn$
   DECLARE
     v_version integer;
     v_hash    bytea;
     v_hashes  bytea[] := '{}';
     v_prevs   bytea[] := '{}';
     v_count   integer := cardinality(p_event_ids);
   BEGIN
     SELECT e.stream_version, e.hash INTO v_version, v_hash
       FROM events e WHERE e.stream_id = p_stream ORDER BY e.stream_version DESC LIMIT 1;
     v_version := coalesce(v_version, 0);
     IF p_expected IS NOT NULL AND v_version <> p_expected THEN
       RAISE EXCEPTION '%', v_version USING ERRCODE = 'RX409';
     END IF;
     FOR i IN 1 .. v_count LOOP
       v_prevs := v_prevs || v_hash;
       v_hash := sha256(coalesce(v_hash, ''::bytea) || int4send(v_version + i) || p_content_hashes[i]);
       v_hashes := v_hashes || v_hash;
     END LOOP;
     INSERT INTO events (stream_id, stream_version, event_id, type, schema_version, data, metadata,
                         occurred_at, hash, prev_hash)
     SELECT p_stream, v_version + n.ord, n.event_id, n.type, n.schema_version, n.data, n.metadata,
            n.occurred, n.hash, n.prev
       FROM unnest(p_event_ids, p_types, p_schema_versions, p_data, p_metadata, p_occurred, v_hashes, v_prevs)
            WITH ORDINALITY AS n(event_id, type, schema_version, data, metadata, occurred, hash, prev, ord);
     RETURN QUERY SELECT v_version + v_count, v_hash;
   END
   $fn$`,
];

export const EVENT_STORE_SCHEMA_DOWN = [
  `DROP FUNCTION IF EXISTS event_store_append`,
  `DROP TABLE IF EXISTS projection_checkpoints`,
  `DROP TABLE IF EXISTS snapshots`,
  `DROP TABLE IF EXISTS events`,
];
