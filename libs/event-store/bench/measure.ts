/** Timing helpers shared by the benchmark scripts (figures printed, never asserted). */

let runs = 0;

/**
 * Runs `op` from `writers` concurrent loops for `seconds`; returns operations (× `perOp`) per
 * second. `run` numbers the call, so each measurement can write to streams of its own.
 */
export async function perSecond(
  { writers, seconds, perOp = 1 }: { writers: number; seconds: number; perOp?: number },
  op: (writer: number, i: number, run: number) => Promise<unknown>,
): Promise<number> {
  const run = ++runs;
  const until = Date.now() + seconds * 1000;
  const started = process.hrtime.bigint();
  const counts = await Promise.all(Array.from({ length: writers }, async (_, writer) => {
    let i = 0;
    while (Date.now() < until) await op(writer, i++, run);
    return i;
  }));
  return (counts.reduce((a, b) => a + b, 0) * perOp) / (Number(process.hrtime.bigint() - started) / 1e9);
}

/** Alternates which goes first each round, so drift (table growth, autovacuum, neighbours) hits both alike. */
export async function bestOfInterleaved(rounds: number, ours: () => Promise<number>, plain: () => Promise<number>): Promise<[number, number]> {
  let bestOurs = 0;
  let bestPlain = 0;
  for (let i = 0; i < rounds; i++) {
    for (const measure of i % 2 === 0 ? [ours, plain] : [plain, ours]) {
      const result = await measure();
      if (measure === ours) bestOurs = Math.max(bestOurs, result);
      else bestPlain = Math.max(bestPlain, result);
    }
  }
  return [bestOurs, bestPlain];
}

/** Milliseconds `work` took. */
export async function time(work: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** The fastest of `times` measurements, after one warm-up. */
export async function fastest(measure: () => Promise<number>, times = 7): Promise<number> {
  await measure();
  const results: number[] = [];
  for (let i = 0; i < times; i++) results.push(await measure());
  return Math.min(...results);
}

export const round = (n: number) => Math.round(n * 100) / 100;
