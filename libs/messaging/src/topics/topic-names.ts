/** `eventsTopic('rectification')` → `rectification.events`; a prefix isolates environments or test runs. */
export function eventsTopic(service: string, prefix = ''): string {
  return `${prefix}${service}.events`;
}

/** Where poison messages from `topic` go: `rectification.events` → `rectification.events.dlq`. */
export function dlqTopic(topic: string): string {
  return `${topic}.dlq`;
}
