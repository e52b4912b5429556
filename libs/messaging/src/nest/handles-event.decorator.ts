import type { DataClass, IntegrationEventHandler } from '../consumer/handler-registry';

export const HANDLES_EVENT = 'rectify:handles-event';

export interface HandlesEventMetadata {
  /** The owning service, e.g. 'inspections': its topic is `<prefix>inspections.events`. */
  from: string;
  type: string;
  dataClass?: DataClass<unknown>;
}

/**
 * Marks a provider method as the handler of one integration event type. The method runs in
 * the transaction that records the event as processed; write through `tx` only.
 *
 *   @HandlesEvent('inspections', 'FindingRecorded', FindingRecordedData)
 *   async onFinding(event: IntegrationEnvelope<FindingRecordedData>, tx: PoolClient) { … }
 */
export function HandlesEvent<TData>(from: string, type: string, dataClass?: DataClass<TData>) {
  return (
    _target: object,
    _method: string | symbol,
    descriptor: TypedPropertyDescriptor<IntegrationEventHandler<TData>>,
  ): void => {
    const handler = descriptor.value as object;
    const existing = (Reflect.getMetadata(HANDLES_EVENT, handler) as HandlesEventMetadata[] | undefined) ?? [];
    Reflect.defineMetadata(HANDLES_EVENT, [...existing, { from, type, dataClass }], handler);
  };
}
