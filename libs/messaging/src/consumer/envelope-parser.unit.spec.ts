import { toEnvelope } from '@rectify/contracts';
import { IsString } from 'class-validator';
import { parseData, parseEnvelope } from './envelope-parser';

const recorded = {
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
};

class CaseOpenedData {
  @IsString()
  caseId: string;
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value));

describe('parseEnvelope', () => {
  it('accepts what the relay publishes', () => {
    const parsed = parseEnvelope(json(toEnvelope(recorded)));
    expect(parsed).toMatchObject({ ok: true, value: { eventId: recorded.eventId, position: '42', occurredAt: '2026-03-01T08:00:00.000Z' } });
  });

  it('rejects a value that is not JSON', () => {
    expect(parseEnvelope(Buffer.from('{oops'))).toMatchObject({ ok: false, error: expect.stringMatching(/not JSON/) });
  });

  it('rejects a tombstone (no value)', () => {
    expect(parseEnvelope(null)).toMatchObject({ ok: false });
  });

  it('names a missing eventId', () => {
    const { eventId: _eventId, ...rest } = toEnvelope(recorded);
    expect(parseEnvelope(json(rest))).toEqual({ ok: false, error: expect.stringMatching(/eventId must be a UUID/) });
  });

  it('names a nested actor field by its path', () => {
    const envelope = { ...toEnvelope(recorded), actor: { role: 'inspector' } };
    expect(parseEnvelope(json(envelope))).toEqual({ ok: false, error: expect.stringMatching(/actor\.id must be a string/) });
  });

  it('requires causationId to be present, null allowed', () => {
    const { causationId: _causationId, ...rest } = toEnvelope(recorded);
    expect(parseEnvelope(json(rest))).toMatchObject({ ok: false, error: expect.stringMatching(/causationId/) });
  });

  it('strips unknown envelope fields instead of refusing them', () => {
    const parsed = parseEnvelope(json({ ...toEnvelope(recorded), addedLater: true }));
    expect(parsed.ok && 'addedLater' in parsed.value).toBe(false);
  });
});

describe('parseData', () => {
  it('returns an instance of the data class', () => {
    const parsed = parseData(CaseOpenedData, { caseId: 'case-1' });
    expect(parsed.ok && parsed.value).toBeInstanceOf(CaseOpenedData);
  });

  it('refuses unknown fields in the payload', () => {
    expect(parseData(CaseOpenedData, { caseId: 'case-1', extra: 1 })).toEqual({
      ok: false,
      error: 'invalid data: property extra should not exist',
    });
  });
});
