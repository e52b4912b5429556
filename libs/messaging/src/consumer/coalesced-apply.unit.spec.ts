import { BatchHandlerFailed, type PendingEvent } from './apply-batch-once';
import { CoalescedApply } from './coalesced-apply';

/** Stand-ins: only their identity and count matter to CoalescedApply. */
const events = (label: string, n: number) => Array.from({ length: n }, (_, i) => ({ label: `${label}${i}` }) as unknown as PendingEvent);
const labels = (batch: readonly PendingEvent[]) => batch.map((event) => (event as unknown as { label: string }).label);

function deferred() {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  return { gate, release };
}

describe('CoalescedApply', () => {
  it('runs a lone batch at once, and the batches that arrive meanwhile together in the next call', async () => {
    const calls: string[][] = [];
    const first = deferred();
    const together = new CoalescedApply(async (batch) => {
      calls.push(labels(batch));
      if (calls.length === 1) await first.gate;
      return batch.map((_, i) => i % 2 === 0);
    });
    const a = together.submit(events('a', 2));
    const b = together.submit(events('b', 1));
    const c = together.submit(events('c', 3));
    first.release();
    expect(await a).toEqual([true, false]);
    // b and c shared one call: each gets its own slice of the answers.
    expect(await b).toEqual([true]);
    expect(await c).toEqual([false, true, false]);
    expect(calls).toEqual([['a0', 'a1'], ['b0', 'c0', 'c1', 'c2']]);
  });

  it('blames the batch whose handler failed, with its own index, and applies the others again together', async () => {
    const calls: string[][] = [];
    const first = deferred();
    const together = new CoalescedApply(async (batch) => {
      calls.push(labels(batch));
      if (calls.length === 1) await first.gate;
      const poison = labels(batch).indexOf('c1');
      if (poison >= 0) throw new BatchHandlerFailed(poison, new Error('poison'));
      return batch.map(() => true);
    });
    const a = together.submit(events('a', 1));
    const b = together.submit(events('b', 2));
    const c = together.submit(events('c', 2));
    const d = together.submit(events('d', 1));
    first.release();
    await a;
    await expect(c).rejects.toMatchObject({ index: 1 });
    expect(await b).toEqual([true, true]);
    expect(await d).toEqual([true]);
    expect(calls).toEqual([['a0'], ['b0', 'b1', 'c0', 'c1', 'd0'], ['b0', 'b1', 'd0']]);
  });

  it('lets every batch of a call that failed for another reason find out for itself', async () => {
    const first = deferred();
    let call = 0;
    const together = new CoalescedApply(async (batch) => {
      call += 1;
      if (call === 1) {
        await first.gate;
        return batch.map(() => true);
      }
      throw new Error('connection lost');
    });
    const a = together.submit(events('a', 1));
    const b = together.submit(events('b', 1));
    const c = together.submit(events('c', 1));
    first.release();
    await a;
    await expect(b).rejects.toThrow('connection lost');
    await expect(c).rejects.toThrow('connection lost');
  });

  it('shares a transaction among whole batches of at most 500 events', async () => {
    const sizes: number[] = [];
    const first = deferred();
    const together = new CoalescedApply(async (batch) => {
      sizes.push(batch.length);
      if (sizes.length === 1) await first.gate;
      return batch.map(() => true);
    });
    const submitted = [together.submit(events('a', 1)), ...['b', 'c', 'd'].map((label) => together.submit(events(label, 200)))];
    first.release();
    await Promise.all(submitted);
    expect(sizes).toEqual([1, 400, 200]);
  });
});
