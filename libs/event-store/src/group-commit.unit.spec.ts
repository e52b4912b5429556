import { GroupCommit } from './group-commit';

/** A writer whose writes finish only when the test says so, recording what it was given. */
function controlledWriter() {
  const calls: { items: string[]; finish: (error?: Error) => void }[] = [];
  const write = (items: string[]) =>
    new Promise<void>((resolve, reject) => {
      calls.push({ items, finish: (error) => (error ? reject(error) : resolve()) });
    });
  return { calls, write };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('GroupCommit', () => {
  it('writes a lone item at once, and the items that arrive meanwhile together in one group', async () => {
    const { calls, write } = controlledWriter();
    const commit = new GroupCommit<string, string>(
      (items) => write(items).then(() => items.map((item) => `${item}!`)),
      (item) => write([item]).then(() => `${item}!`),
      { maxInFlight: 1 },
    );

    const first = commit.write('a');
    const later = ['b', 'c', 'd'].map((item) => commit.write(item));
    expect(calls.map((call) => call.items)).toEqual([['a']]);

    calls[0].finish();
    await settle();
    expect(calls.map((call) => call.items)).toEqual([['a'], ['b', 'c', 'd']]);
    calls[1].finish();
    expect(await Promise.all([first, ...later])).toEqual(['a!', 'b!', 'c!', 'd!']);
  });

  it('writes each item of a failed group alone, so that each gets its own outcome', async () => {
    const { calls, write } = controlledWriter();
    const commit = new GroupCommit<string, string>(
      (items) => write(items).then(() => items.map((item) => `${item}!`)),
      (item) => write([item]).then(() => `${item}!`),
      { maxInFlight: 1 },
    );
    const first = commit.write('a');
    const group = ['b', 'conflict', 'd'].map((item) => commit.write(item));
    calls[0].finish();
    await settle();

    calls[1].finish(new Error('duplicate key'));
    await settle();
    expect(calls.slice(2).map((call) => call.items)).toEqual([['b'], ['conflict'], ['d']]);
    for (const call of calls.slice(2)) call.finish(call.items[0] === 'conflict' ? new Error('409') : undefined);

    expect(await first).toBe('a!');
    const outcomes = await Promise.allSettled(group);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('keeps a group under the weight limit and lets a heavier item go alone', async () => {
    const { calls, write } = controlledWriter();
    const weights: Record<string, number> = { a: 1, b: 2, c: 2, heavy: 9, d: 1 };
    const commit = new GroupCommit<string, void>((items) => write(items).then(() => items.map(() => undefined)), (item) => write([item]), {
      maxInFlight: 1,
      maxWeight: 4,
      weigh: (item) => weights[item],
    });
    const all = ['a', 'b', 'c', 'heavy', 'd'].map((item) => commit.write(item));
    for (let i = 0; i < 4; i++) {
      calls[i].finish();
      await settle();
    }
    await Promise.all(all);
    expect(calls.map((call) => call.items)).toEqual([['a'], ['b', 'c'], ['heavy'], ['d']]);
  });
});
