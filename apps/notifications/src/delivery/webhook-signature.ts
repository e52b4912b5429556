import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-rectify-signature';
export const TIMESTAMP_HEADER = 'x-rectify-timestamp';
export const DELIVERY_HEADER = 'x-rectify-delivery';

/**
 * `sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>`: the timestamp is signed with the
 * body, so a receiver that refuses old timestamps (e.g. > 5 minutes) cannot be replayed.
 */
export function signWebhook(secret: string, timestamp: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
}

export function verifyWebhook(secret: string, timestamp: string, rawBody: string, signature: string, now = Date.now(), toleranceMs = 300_000): boolean {
  if (!/^\d+$/.test(timestamp) || Math.abs(now - Number(timestamp) * 1000) > toleranceMs) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, rawBody));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
