import { AppendBellListener, appendBellCells, ringAppendBell } from './append-bell';

const settled = async (promise: Promise<unknown>) => {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setTimeout(resolve, 20));
  return done;
};

describe('append bell', () => {
  it('wakes a listener that waits when an append is rung', async () => {
    const cells = appendBellCells();
    const listener = new AppendBellListener(cells);
    const heard = listener.next();
    expect(await settled(heard)).toBe(false);
    ringAppendBell(cells);
    expect(await settled(heard)).toBe(true);
  });

  it('does not miss an append rung while nobody listened: the next listen returns at once', async () => {
    const cells = appendBellCells();
    const listener = new AppendBellListener(cells);
    ringAppendBell(cells);
    ringAppendBell(cells);
    expect(await settled(listener.next())).toBe(true);
    // Both appends were heard at once: the next listen waits for a new one.
    expect(await settled(listener.next())).toBe(false);
  });

  it('notifies once per listen however many appends are rung', async () => {
    const cells = appendBellCells();
    const listener = new AppendBellListener(cells);
    const notify = jest.spyOn(Atomics, 'notify');
    try {
      // Nobody listens: counting only.
      ringAppendBell(cells);
      expect(notify).not.toHaveBeenCalled();
      await listener.next();
      const heard = listener.next();
      for (let i = 0; i < 5; i++) ringAppendBell(cells);
      await heard;
      expect(notify).toHaveBeenCalledTimes(1);
    } finally {
      notify.mockRestore();
    }
  });
});
