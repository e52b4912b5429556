import type { MessageContext } from '../kafka/kafka.ports';

/**
 * Heartbeats every `everyMs` while `work` runs, so a long handler or a long retry does not
 * make the group coordinator think this member died. A failed heartbeat (e.g. a rebalance
 * began) is not fatal here: the offset commit afterwards fails instead, and the message is
 * redelivered and deduplicated.
 */
export async function whileHeartbeating<T>(context: MessageContext, everyMs: number, work: () => Promise<T>): Promise<T> {
  const timer = setInterval(() => void context.heartbeat().catch(() => undefined), everyMs);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
