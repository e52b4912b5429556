import { IsString } from 'class-validator';
import type { IncomingMessage } from '../kafka/kafka.ports';
import { EventHandlerRegistry } from './handler-registry';
import { triage } from './triage';

class FindingData {
  @IsString()
  findingId: string;
}

const TOPIC = 'inspections.events';
const registry = new EventHandlerRegistry().register({ topic: TOPIC, type: 'FindingRecorded', handle: async () => undefined, dataClass: FindingData });

function message(value: string, headers: Record<string, string> = {}): IncomingMessage {
  return { topic: TOPIC, partition: 0, offset: '0', key: null, value: Buffer.from(value), headers, timestamp: '0' };
}

const envelope = (type: string, data: object) =>
  JSON.stringify({
    eventId: '0d6f1c9e-8a5b-4f7c-9a51-2b6a6f0c1e11',
    type,
    schemaVersion: 1,
    streamId: 'finding-1',
    streamVersion: 1,
    position: '1',
    occurredAt: '2026-03-01T08:00:00.000Z',
    recordedAt: '2026-03-01T08:00:00.000Z',
    correlationId: 'c-1',
    causationId: null,
    actor: { id: 'u-1', role: 'inspector', unitId: null },
    data,
  });

describe('triage', () => {
  it('skips a type no handler wants by its header, without reading the value', () => {
    expect(triage(message('not even JSON', { type: 'VisitRecorded' }), registry)).toEqual({ kind: 'ignore' });
  });

  it('reads the value when the header names a handled type', () => {
    expect(triage(message('not even JSON', { type: 'FindingRecorded' }), registry)).toMatchObject({ kind: 'dead-letter', reason: 'invalid-envelope' });
  });

  it('reads the value when there is no type header', () => {
    expect(triage(message('not even JSON'), registry)).toMatchObject({ kind: 'dead-letter', reason: 'invalid-envelope' });
  });

  it('goes by the envelope type when the header disagrees', () => {
    expect(triage(message(envelope('VisitRecorded', {}), { type: 'FindingRecorded' }), registry)).toEqual({ kind: 'ignore' });
  });

  it('dead-letters data its class refuses', () => {
    expect(triage(message(envelope('FindingRecorded', { findingId: 1 })), registry)).toMatchObject({ kind: 'dead-letter', reason: 'invalid-data' });
  });

  it('hands a valid event to its handler with the data as an instance of its class', () => {
    const decision = triage(message(envelope('FindingRecorded', { findingId: 'f-1' }), { type: 'FindingRecorded' }), registry);
    expect(decision.kind).toBe('apply');
    expect(decision.kind === 'apply' && decision.envelope.data).toBeInstanceOf(FindingData);
  });

  describe('with a `when` on the registration', () => {
    const choosy = new EventHandlerRegistry().register<FindingData>({
      topic: TOPIC,
      type: 'FindingRecorded',
      handle: async () => undefined,
      dataClass: FindingData,
      when: (data) => data.findingId.startsWith('wanted-'),
    });

    it('ignores a valid event the handler has no use for', () => {
      expect(triage(message(envelope('FindingRecorded', { findingId: 'f-1' })), choosy)).toEqual({ kind: 'ignore' });
    });

    it('applies one it wants', () => {
      expect(triage(message(envelope('FindingRecorded', { findingId: 'wanted-1' })), choosy)).toMatchObject({ kind: 'apply' });
    });

    it('still dead-letters data its class refuses, before asking', () => {
      expect(triage(message(envelope('FindingRecorded', { findingId: 7 })), choosy)).toMatchObject({ kind: 'dead-letter', reason: 'invalid-data' });
    });
  });
});
