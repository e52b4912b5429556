const HOUR_MS = 3_600_000;

/** Exponential backoff: base, 2·base, 4·base… capped at an hour. `attempts` counts the tries made. */
export function nextAttemptDelay(attempts: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), HOUR_MS);
}
