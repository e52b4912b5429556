/**
 * kafkajs 2.2.4 (its latest release) re-arms a timer on every broker connection after each check
 * of its request queue, even when nothing is queued and nothing is throttled: the timeout is
 * then negative (1 ms), so every connection that ever got a response spins a 1 ms timer for good
 * (tulios/kafkajs#1556, #1704; the fix of #1667 was never released). Each service woke ~1,700
 * times a second for nothing: 20–35 ms of CPU a second idle, and wake-ups competing with real
 * work under load (ADR 012).
 *
 * The check is still scheduled whenever it can matter: a request waiting (kafkajs' own
 * `push` schedules one), or a throttle that has not ended yet.
 */
const RequestQueue = require('kafkajs/src/network/requestQueue') as RequestQueueClass;
const { version } = require('kafkajs/package.json') as { version: string };

interface RequestQueueLike {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: unknown;
  checkPendingRequests(): void;
  maybeThrottle(ms: number): void;
  push(request: { entry: { correlationId: number; apiName: string; apiKey: number; apiVersion: number }; expectResponse: boolean; sendRequest: () => void }): void;
  destroy(): void;
}

interface RequestQueueClass {
  new (options: object): RequestQueueLike;
  prototype: RequestQueueLike & { scheduleCheckPendingRequests(this: RequestQueueLike): void };
}

/** The kafkajs release whose RequestQueue this fix was written against. */
export const PATCHED_KAFKAJS_VERSION = '2.2.4';

let applied = false;

/** Idempotent; leaves another kafkajs release alone (check whether it still needs the fix). */
export function fixIdleRequestQueueTimer(): boolean {
  if (applied) return true;
  if (version !== PATCHED_KAFKAJS_VERSION) return false;
  const schedule = RequestQueue.prototype.scheduleCheckPendingRequests;
  RequestQueue.prototype.scheduleCheckPendingRequests = function (this: RequestQueueLike) {
    if (this.pending.length === 0 && this.throttledUntil <= Date.now()) return;
    schedule.call(this);
  };
  applied = true;
  return true;
}

export { RequestQueue as KafkajsRequestQueue };
