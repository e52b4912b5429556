// Kafka behind our own interfaces (the only place that knows kafkajs)
export * from './kafka';
export { eventsTopic, dlqTopic } from './topics/topic-names';

// Relay: a service's committed log → its topic
export { EventRelay, type EventRelayOptions } from './relay/event-relay';
export type { EventLog, EventLogModule } from './relay/event-log';
export { RelayCheckpoints } from './relay/relay-checkpoints';
export { EVENT_STORE_APPENDED_CHANNEL } from './relay/relay-leadership';
export { toRelayMessage } from './relay/relay-message';

// Consumers: validated, deduplicated, dead-lettered
export { IntegrationEventConsumer, type IntegrationEventConsumerOptions } from './consumer/integration-event-consumer';
export {
  EventHandlerRegistry,
  type DataClass,
  type HandlerRegistration,
  type IntegrationEventBatchHandler,
  type IntegrationEventHandler,
} from './consumer/handler-registry';
export { type ConsumerPace, FETCH_SETTINGS, type FetchSettings } from './consumer/consumer-pace';
export { DEFAULT_PROCESSING_POLICY, type Outcome, type ProcessingPolicy } from './consumer/message-processor';
export { DLQ_HEADERS, type DeadLetterReason } from './consumer/dead-letter';
export { parseData, parseEnvelope, type Parsed } from './consumer/envelope-parser';
export { classifyError, TransientError, type ErrorKind } from './retry/error-classification';

// Schema
export { MessagingMigrations, MessagingSchema1763800000100, migrateMessaging } from './migrations/messaging.migration';

// Nest
export { MessagingModule } from './nest/messaging.module';
export { HandlesEvent, HandlesEventBatch } from './nest/handles-event.decorator';
export { MessagingLifecycle } from './nest/messaging.lifecycle';
export type { MessagingAsyncOptions, MessagingOptions, MessagingWiring } from './nest/messaging.options';
export { KAFKA_ADMIN, KAFKA_CLIENT, MESSAGE_PRODUCER } from './nest/messaging.tokens';
export { KafkaHealthIndicator } from './health/kafka-health.indicator';
export type { LoggerLike } from './logger-like';
