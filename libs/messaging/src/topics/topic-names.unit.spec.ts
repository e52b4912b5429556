import { dlqTopic, eventsTopic } from './topic-names';

describe('topic names', () => {
  it('names a service topic, optionally prefixed', () => {
    expect(eventsTopic('rectification')).toBe('rectification.events');
    expect(eventsTopic('rectification', 'test-1.')).toBe('test-1.rectification.events');
  });

  it('names the dead-letter topic after the topic', () => {
    expect(dlqTopic('rectification.events')).toBe('rectification.events.dlq');
  });
});
