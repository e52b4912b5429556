import type { IntegrationEnvelope } from '@rectify/contracts';
import type { PoolClient } from 'pg';

/** Runs inside the transaction that also records the event as processed: write through `tx`. */
export type IntegrationEventHandler<TData = unknown> = (
  envelope: IntegrationEnvelope<TData>,
  tx: PoolClient,
) => Promise<void>;

/**
 * Several events of one type at once, in log order, in the transaction that records them all
 * as processed: set-based writes (one INSERT for all) instead of a round trip per event.
 */
export type IntegrationEventBatchHandler<TData = unknown> = (
  envelopes: IntegrationEnvelope<TData>[],
  tx: PoolClient,
) => Promise<void>;

export type DataClass<TData> = new () => TData;

export interface HandlerRegistration<TData = unknown> {
  topic: string;
  type: string;
  /** One event; a batch handler also gets single events this way (retries after a failed batch). */
  handle: IntegrationEventHandler<TData>;
  /** If set, consecutive events of this type in a fetched batch are handed over together. */
  handleBatch?: IntegrationEventBatchHandler<TData>;
  /** Validated with whitelist + forbidNonWhitelisted; the handler then gets an instance of it. */
  dataClass?: DataClass<TData>;
  /** Events whose data fails this are of no use here: ignored without a transaction. */
  when?: (data: TData) => boolean;
}

/** Which handler takes which (topic, type). One handler per pair, so one effect per event. */
export class EventHandlerRegistry {
  private readonly byTopic = new Map<string, Map<string, HandlerRegistration>>();

  register<TData>(registration: HandlerRegistration<TData>): this {
    const types = this.byTopic.get(registration.topic) ?? new Map<string, HandlerRegistration>();
    if (types.has(registration.type)) {
      throw new Error(`a handler for ${registration.type} on ${registration.topic} is already registered`);
    }
    types.set(registration.type, registration as HandlerRegistration);
    this.byTopic.set(registration.topic, types);
    return this;
  }

  find(topic: string, type: string): HandlerRegistration | undefined {
    return this.byTopic.get(topic)?.get(type);
  }

  topics(): string[] {
    return [...this.byTopic.keys()];
  }
}
