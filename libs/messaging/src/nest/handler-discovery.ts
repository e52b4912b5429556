import { Injectable } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { EventHandlerRegistry, IntegrationEventBatchHandler, IntegrationEventHandler } from '../consumer/handler-registry';
import { eventsTopic } from '../topics/topic-names';
import { HANDLES_EVENT, type HandlesEventMetadata } from './handles-event.decorator';

/** Finds every `@HandlesEvent` method among the app's singleton providers. */
@Injectable()
export class HandlerDiscovery {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  registerAll(registry: EventHandlerRegistry, topicPrefix: string): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
      for (const method of this.scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
        const handler = instance[method] as IntegrationEventHandler & IntegrationEventBatchHandler;
        const marks = Reflect.getMetadata(HANDLES_EVENT, handler) as HandlesEventMetadata[] | undefined;
        for (const { from, type, dataClass, batch, when } of marks ?? []) {
          const topic = eventsTopic(from, topicPrefix);
          if (!batch) {
            registry.register({ topic, type, dataClass, when, handle: handler.bind(instance) });
            continue;
          }
          const handleBatch: IntegrationEventBatchHandler = handler.bind(instance);
          registry.register({ topic, type, dataClass, when, handleBatch, handle: (event, tx) => handleBatch([event], tx) });
        }
      }
    }
  }
}
