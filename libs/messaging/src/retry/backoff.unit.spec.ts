import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  const options = { initialMs: 100, maxMs: 1_000 };

  it('doubles the ceiling with each attempt', () => {
    const top = () => 1;
    expect([1, 2, 3, 4].map((attempt) => backoffDelay(attempt, options, top))).toEqual([100, 200, 400, 800]);
  });

  it('never exceeds the cap', () => {
    expect(backoffDelay(30, options, () => 1)).toBe(1_000);
  });

  it('keeps at least half of the ceiling under jitter', () => {
    expect(backoffDelay(3, options, () => 0)).toBe(200);
  });
});
