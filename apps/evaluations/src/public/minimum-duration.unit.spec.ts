import { withMinimumDuration } from './minimum-duration';

describe('withMinimumDuration', () => {
  it('answers no sooner than the minimum, whether the work succeeds or fails', async () => {
    const started = Date.now();
    await expect(withMinimumDuration(60, async () => 'found')).resolves.toBe('found');
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
    const again = Date.now();
    await expect(withMinimumDuration(60, async () => { throw new Error('unknown'); })).rejects.toThrow('unknown');
    expect(Date.now() - again).toBeGreaterThanOrEqual(55);
  });
});
