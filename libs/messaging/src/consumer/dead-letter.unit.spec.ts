import { DLQ_HEADERS, toDeadLetter } from './dead-letter';

describe('toDeadLetter', () => {
  it('keeps the original message and adds where it came from and why it failed', () => {
    const original = {
      topic: 'inspections.events',
      partition: 2,
      offset: '17',
      key: Buffer.from('finding-1'),
      value: Buffer.from('not json'),
      headers: { type: 'FindingRecorded' },
      timestamp: '0',
    };
    const letter = toDeadLetter(original, 'invalid-envelope', 'value is not JSON', 'rectification');
    expect(letter.key).toEqual(original.key);
    expect(letter.value).toEqual(original.value);
    expect(letter.headers).toEqual({
      type: 'FindingRecorded',
      [DLQ_HEADERS.error]: 'value is not JSON',
      [DLQ_HEADERS.reason]: 'invalid-envelope',
      [DLQ_HEADERS.originalTopic]: 'inspections.events',
      [DLQ_HEADERS.originalPartition]: '2',
      [DLQ_HEADERS.originalOffset]: '17',
      [DLQ_HEADERS.consumerGroup]: 'rectification',
    });
  });
});
