import { TokenBuckets } from './token-bucket';

describe('TokenBuckets', () => {
  it('allows a burst, then refuses with the seconds until the next token', () => {
    const buckets = new TokenBuckets({ burst: 3, perMinute: 6 });
    expect([0, 0, 0].map(() => buckets.take('10.0.0.1', 0))).toEqual([0, 0, 0]);
    expect(buckets.take('10.0.0.1', 0)).toBe(10);
  });

  it('refills over time and keeps addresses apart', () => {
    const buckets = new TokenBuckets({ burst: 1, perMinute: 60 });
    expect(buckets.take('a', 0)).toBe(0);
    expect(buckets.take('b', 0)).toBe(0);
    expect(buckets.take('a', 500)).toBeGreaterThan(0);
    expect(buckets.take('a', 1_000)).toBe(0);
  });

  it('forgets addresses whose buckets are full again once it tracks too many', () => {
    const buckets = new TokenBuckets({ burst: 1, perMinute: 60, maxKeys: 2 });
    buckets.take('a', 0);
    buckets.take('b', 0);
    buckets.take('c', 5_000);
    expect(buckets.size).toBe(1);
  });
});
