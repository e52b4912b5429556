// How the main thread tells the relay's worker thread that it appended (RelayThread.poke): two
// cells of shared memory instead of a message per append. Ringing costs an atomic add; it wakes
// the worker only while the worker listens, which it does only while its relay waits for appends
// (relay.worker.ts), so a busy relay, which reads again after each batch anyway, is not disturbed.

/** Cell 0 counts appends; cell 1 is 1 while the worker listens. */
export const appendBellCells = (): Int32Array => new Int32Array(new SharedArrayBuffer(8));

const COUNT = 0;
const LISTENING = 1;

/** The main thread's side: counts an append and wakes the worker if it listens. */
export function ringAppendBell(cells: Int32Array): void {
  Atomics.add(cells, COUNT, 1);
  // Notified once per listen: appends that follow before the worker listens again only count.
  if (Atomics.compareExchange(cells, LISTENING, 1, 0) === 1) Atomics.notify(cells, COUNT);
}

// In Node since 16; TypeScript declares it from lib ES2024 on, and this project compiles with ES2023.
type WaitAsync = (array: Int32Array, index: number, value: number) => { async: false; value: string } | { async: true; value: Promise<string> };
const waitAsync = (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync.bind(Atomics);

/** The worker's side. */
export class AppendBellListener {
  private heard: number;

  constructor(private readonly cells: Int32Array) {
    this.heard = Atomics.load(cells, COUNT);
  }

  /**
   * Resolves once an append was counted since the last one this listener heard: at once if one
   * was already. No append is missed: the count is checked after saying that it listens (with
   * sequentially consistent atomics, either the ringer sees the listener or the listener sees the
   * count the ringer raised).
   */
  async next(): Promise<void> {
    Atomics.store(this.cells, LISTENING, 1);
    const wait = waitAsync(this.cells, COUNT, this.heard);
    if (wait.async) await wait.value;
    Atomics.store(this.cells, LISTENING, 0);
    this.heard = Atomics.load(this.cells, COUNT);
  }
}
