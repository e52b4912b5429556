import { IntegrationEnvelope, toEnvelope } from '@rectify/contracts';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { wellFormedEnvelope } from './well-formed-envelope';

const published = toEnvelope({
  eventId: '0d6f1c9e-8a5b-4f7c-9a51-2b6a6f0c1e11',
  type: 'CaseOpened',
  schemaVersion: 1,
  data: { caseId: 'case-1' },
  metadata: { correlationId: 'corr-1', causationId: null, actor: { id: 'u-1', role: 'inspector', unitId: 'unit-9' } },
  occurredAt: new Date('2026-03-01T08:00:00.000Z'),
  streamId: 'case-1',
  streamVersion: 1,
  position: '42',
  recordedAt: new Date('2026-03-01T08:00:00.120Z'),
});

/** What parseEnvelope did before the fast path: class-transformer, then class-validator with whitelist. */
function byDecorators(json: object): IntegrationEnvelope | undefined {
  const envelope = plainToInstance(IntegrationEnvelope, json);
  return validateSync(envelope, { whitelist: true }).length === 0 ? envelope : undefined;
}

const variants: Array<[string, object]> = [
  ['as published', published],
  ['with a causation id', { ...published, causationId: 'cause-1' }],
  ['actor without unitId', { ...published, actor: { id: 'u-1', role: 'inspector' } }],
  ['an unknown envelope field', { ...published, addedLater: 1 }],
  ['an unknown actor field', { ...published, actor: { ...published.actor, extra: true } }],
  ['eventId not a uuid', { ...published, eventId: 'event-1' }],
  ['eventId in upper case', { ...published, eventId: published.eventId.toUpperCase() }],
  ['empty type', { ...published, type: '' }],
  ['schemaVersion 0', { ...published, schemaVersion: 0 }],
  ['schemaVersion 1.5', { ...published, schemaVersion: 1.5 }],
  ['schemaVersion as text', { ...published, schemaVersion: '1' }],
  ['streamVersion missing', { ...published, streamVersion: undefined }],
  ['position negative', { ...published, position: '-1' }],
  ['position a number', { ...published, position: 42 }],
  ['occurredAt not a date', { ...published, occurredAt: 'yesterday' }],
  ['occurredAt on 30 February', { ...published, occurredAt: '2026-02-30T08:00:00.000Z' }],
  ['occurredAt with an offset', { ...published, occurredAt: '2026-03-01T09:00:00+01:00' }],
  ['recordedAt without milliseconds', { ...published, recordedAt: '2026-03-01T08:00:00Z' }],
  ['causationId missing', { ...published, causationId: undefined }],
  ['causationId empty', { ...published, causationId: '' }],
  ['correlationId a number', { ...published, correlationId: 7 }],
  ['actor missing', { ...published, actor: undefined }],
  ['actor an array', { ...published, actor: [] }],
  ['actor id empty', { ...published, actor: { ...published.actor, id: '' } }],
  ['actor unitId a number', { ...published, actor: { ...published.actor, unitId: 9 } }],
  ['data null', { ...published, data: null }],
  ['data an array', { ...published, data: [] }],
  ['data a string', { ...published, data: 'x' }],
];

describe('wellFormedEnvelope', () => {
  it.each(variants)('never accepts what the envelope decorators refuse: %s', (_name, json) => {
    const fast = wellFormedEnvelope(json as Record<string, unknown>);
    if (fast) expect(byDecorators(json)).toBeDefined();
  });

  it.each(variants)('gives what the decorators give, when it accepts: %s', (_name, json) => {
    const fast = wellFormedEnvelope(json as Record<string, unknown>);
    if (fast) expect(fast).toEqual(byDecorators(json));
  });

  it('accepts what the relay publishes, without the decorators', () => {
    expect(wellFormedEnvelope(published as unknown as Record<string, unknown>)).toBeInstanceOf(IntegrationEnvelope);
    expect(wellFormedEnvelope({ ...published, causationId: 'cause-1' })).toBeDefined();
  });
});
