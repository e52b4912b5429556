const MIN_LEASE_MS = 60_000;

/**
 * How long a claimed delivery stays ours. It must outlast the longest send: a lease that ran out
 * mid-send would let another instance claim the row and call the receiver a second time. A
 * webhook call is bounded by the send timeout; an e-mail by it per phase (connect, greeting,
 * a stalled transfer), hence the margin.
 */
export function deliveryLeaseMs(sendTimeoutMs: number): number {
  return Math.max(MIN_LEASE_MS, 4 * sendTimeoutMs);
}
