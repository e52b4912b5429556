import type { IncomingMessage, OutgoingMessage } from '../kafka/kafka.ports';

export type DeadLetterReason = 'invalid-envelope' | 'invalid-data' | 'handler-failed';

/** Headers added to a dead letter; the original key, value and headers are kept as they were. */
export const DLQ_HEADERS = {
  error: 'dlq-error',
  reason: 'dlq-reason',
  originalTopic: 'dlq-original-topic',
  originalPartition: 'dlq-original-partition',
  originalOffset: 'dlq-original-offset',
  consumerGroup: 'dlq-consumer-group',
} as const;

export function toDeadLetter(message: IncomingMessage, reason: DeadLetterReason, error: string, consumerGroup: string): OutgoingMessage {
  return {
    key: message.key,
    value: message.value,
    headers: {
      ...message.headers,
      [DLQ_HEADERS.error]: error.slice(0, 4_000),
      [DLQ_HEADERS.reason]: reason,
      [DLQ_HEADERS.originalTopic]: message.topic,
      [DLQ_HEADERS.originalPartition]: String(message.partition),
      [DLQ_HEADERS.originalOffset]: message.offset,
      [DLQ_HEADERS.consumerGroup]: consumerGroup,
    },
  };
}
