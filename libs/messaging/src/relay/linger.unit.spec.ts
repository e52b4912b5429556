import { lingerAfter } from './event-relay';

describe('lingerAfter', () => {
  const options = { minMs: 5, maxMs: 25 };

  it('waits a millisecond per event of the batch just sent', () => {
    expect(lingerAfter(12, options)).toBe(12);
  });

  it('waits at least minMs after a small batch and at most maxMs after a large one', () => {
    expect(lingerAfter(1, options)).toBe(5);
    expect(lingerAfter(400, options)).toBe(25);
  });

  it('does not wait when minMs is 0 and the batch held one event or none', () => {
    expect(lingerAfter(0, { minMs: 0, maxMs: 25 })).toBe(0);
  });
});
