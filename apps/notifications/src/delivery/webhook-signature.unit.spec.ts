import { signWebhook, verifyWebhook } from './webhook-signature';

describe('webhook signature', () => {
  const secret = 'unit-a-webhook-secret';
  const now = Date.UTC(2026, 10, 22, 8, 0, 0);
  const timestamp = String(now / 1000);
  const body = '{"type":"rectification_notice"}';

  it('verifies a signature made over the timestamp and the raw body', () => {
    expect(verifyWebhook(secret, timestamp, body, signWebhook(secret, timestamp, body), now)).toBe(true);
  });

  it('rejects a changed body, a wrong secret and a replay with an old timestamp', () => {
    const signature = signWebhook(secret, timestamp, body);
    expect(verifyWebhook(secret, timestamp, body.replace('rectification', 'bulletin'), signature, now)).toBe(false);
    expect(verifyWebhook('another-secret-value', timestamp, body, signature, now)).toBe(false);
    expect(verifyWebhook(secret, timestamp, body, signature, now + 10 * 60_000)).toBe(false);
  });
});
