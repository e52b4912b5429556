import { deliveryLeaseMs } from './delivery-lease';

describe('delivery lease', () => {
  it('keeps a claim for a minute at least', () => {
    expect(deliveryLeaseMs(5_000)).toBe(60_000);
  });

  it('outlasts an e-mail whose connect, greeting and transfer each take the whole send timeout', () => {
    const timeout = 45_000;
    expect(deliveryLeaseMs(timeout)).toBeGreaterThan(3 * timeout);
  });
});
