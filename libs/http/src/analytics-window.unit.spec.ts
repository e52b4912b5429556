import { InvalidRequestException } from './problem/invalid-request.exception';
import { resolveWindow } from './analytics-window';

const now = new Date('2025-06-01T12:00:00.000Z');
const fieldsOf = (query: { from?: string; to?: string }) => {
  try {
    resolveWindow(query, now);
  } catch (error) {
    if (error instanceof InvalidRequestException) return error.fieldErrors.map((e) => e.field);
    throw error;
  }
  throw new Error('the window was accepted');
};

describe('analytics window', () => {
  it('defaults to the 90 days up to now', () => {
    const { from, to } = resolveWindow({}, now);
    expect(to).toEqual(now);
    expect(from.toISOString()).toBe('2025-03-03T12:00:00.000Z');
  });

  it('counts the default 90 days back from a given `to`', () => {
    expect(resolveWindow({ to: '2025-01-31T00:00:00Z' }, now).from.toISOString()).toBe('2024-11-02T00:00:00.000Z');
  });

  it('takes both instants as given, an empty window included', () => {
    expect(resolveWindow({ from: '2025-01-01T00:00:00+08:00', to: '2025-01-01T00:00:00+08:00' }, now)).toEqual({
      from: new Date('2024-12-31T16:00:00Z'),
      to: new Date('2024-12-31T16:00:00Z'),
    });
  });

  it('refuses `from` after `to`, naming `from`', () => {
    expect(fieldsOf({ from: '2025-02-01T00:00:00Z', to: '2025-01-01T00:00:00Z' })).toEqual(['from']);
  });

  it('refuses an ISO week date, which is no instant, naming the field', () => {
    expect(fieldsOf({ to: '2025-W03' })).toEqual(['to']);
  });
});
