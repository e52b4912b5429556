/**
 * How eagerly a consumer fetches (ADR 012).
 * - `prompt`: the broker answers a fetch as soon as one message is there. For consumers on a
 *   path someone waits for (a finding becoming a case, a case becoming a notice).
 * - `batched`: the broker holds a fetch until 64 KiB are ready or 200 ms have passed, so a
 *   consumer whose work nobody watches happen (risk counters, follow-up bookkeeping) applies
 *   a few large batches a second instead of one small transaction per arriving message, and
 *   leaves the CPU and the database to the prompt ones.
 */
export type ConsumerPace = 'prompt' | 'batched';

export interface FetchSettings {
  minBytes: number;
  maxWaitTimeMs: number;
}

export const FETCH_SETTINGS: Readonly<Record<ConsumerPace, FetchSettings>> = {
  prompt: { minBytes: 1, maxWaitTimeMs: 1_000 },
  batched: { minBytes: 64 * 1024, maxWaitTimeMs: 200 },
};
