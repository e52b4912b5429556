import type { DataClass, IntegrationEventBatchHandler, IntegrationEventHandler } from '../consumer/handler-registry';

export const HANDLES_EVENT = 'rectify:handles-event';

export interface HandlesEventMetadata {
  /** The owning service, e.g. 'inspections': its topic is `<prefix>inspections.events`. */
  from: string;
  type: string;
  dataClass?: DataClass<unknown>;
  /** The method takes an array of events (see HandlesEventBatch). */
  batch?: boolean;
  when?: (data: unknown) => boolean;
}

export interface HandlesEventOptions<TData> {
  /**
   * Which events of the type this handler has any use for, judged on the validated data. The
   * rest are acknowledged like a type nobody handles: no transaction, no processed_messages row
   * (there is no effect to dedupe), so a handler that widens `when` later still applies them on
   * a replay.
   */
  when?: (data: TData) => boolean;
}

function mark(metadata: HandlesEventMetadata, handler: object): void {
  const existing = (Reflect.getMetadata(HANDLES_EVENT, handler) as HandlesEventMetadata[] | undefined) ?? [];
  Reflect.defineMetadata(HANDLES_EVENT, [...existing, metadata], handler);
}

/**
 * Marks a provider method as the handler of one integration event type. The method runs in
 * the transaction that records the event as processed; write through `tx` only.
 *
 *   @HandlesEvent('inspections', 'FindingRecorded', FindingRecordedData)
 *   async onFinding(event: IntegrationEnvelope<FindingRecordedData>, tx: PoolClient) { … }
 */
export function HandlesEvent<TData>(from: string, type: string, dataClass?: DataClass<TData>, options: HandlesEventOptions<TData> = {}) {
  return (
    _target: object,
    _method: string | symbol,
    descriptor: TypedPropertyDescriptor<IntegrationEventHandler<TData>>,
  ): void => mark({ from, type, dataClass, when: options.when as HandlesEventMetadata['when'] }, descriptor.value as object);
}

/**
 * Like HandlesEvent, for a method that takes the events of one type a fetched batch holds in a
 * row (in log order; often one, never none) and writes them set-based. It must give each event
 * the effect it would have on its own: after a failed batch it gets them one at a time.
 *
 *   @HandlesEventBatch('inspections', 'FindingRecorded', FindingRecordedData)
 *   async onFindings(events: IntegrationEnvelope<FindingRecordedData>[], tx: PoolClient) { … }
 */
export function HandlesEventBatch<TData>(from: string, type: string, dataClass?: DataClass<TData>, options: HandlesEventOptions<TData> = {}) {
  return (
    _target: object,
    _method: string | symbol,
    descriptor: TypedPropertyDescriptor<IntegrationEventBatchHandler<TData>>,
  ): void => mark({ from, type, dataClass, batch: true, when: options.when as HandlesEventMetadata['when'] }, descriptor.value as object);
}
