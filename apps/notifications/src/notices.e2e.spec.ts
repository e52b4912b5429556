import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { ApiClient, eventually, readStack } from '@rectify/test-kit';
import { verifyWebhook } from './delivery/webhook-signature';

interface Received {
  path: string;
  body: string;
  delivery: string;
  signatureValid: boolean;
}

const SECRET = 'unit-c-webhook-secret-0123456789';

describe('notices: inbox, acknowledgement, signed webhooks and e-mail', () => {
  let admin: ApiClient;
  let inspector: ApiClient;
  let deptA: ApiClient;
  let deptB: ApiClient;
  let receiver: Server;
  let receiverUrl: string;
  const received: Received[] = [];
  let failuresLeft = 2;
  let smtp: SMTPServer;
  const mails: { to: string; data: string }[] = [];

  beforeAll(async () => {
    [admin, inspector, deptA, deptB] = await Promise.all(['admin', 'inspector', 'dept-a', 'dept-b'].map((u) => ApiClient.login(u)));
    receiver = createServer(async (req, res) => {
      const body = await readBody(req);
      const timestamp = String(req.headers['x-rectify-timestamp']);
      received.push({
        path: req.url ?? '',
        body,
        delivery: String(req.headers['x-rectify-delivery']),
        signatureValid: verifyWebhook(SECRET, timestamp, body, String(req.headers['x-rectify-signature'])),
      });
      const fail = req.url === '/always-down' || (req.url === '/flaky' && failuresLeft-- > 0);
      res.writeHead(fail ? 503 : 204).end();
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      onData(stream, session, callback) {
        let data = '';
        stream.on('data', (chunk: Buffer) => (data += chunk.toString()));
        stream.on('end', () => {
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), data });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(readStack().smtpPort, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    await new Promise((resolve) => receiver.close(resolve));
    await new Promise((resolve) => smtp.close(() => resolve(undefined)));
  });

  const noticeForCase = async (client: ApiClient, caseId: string) =>
    (await client.get('/api/notices?pageSize=200')).body.items.find((n: { caseId: string }) => n.caseId === caseId);

  const openCaseFor = async (unitId: string, note: string): Promise<string> => {
    const finding = await inspector.post('/api/inspections/findings', { unitId, category: 'PROCRASTINATION', note });
    const found = await eventually(async () => {
      const list = await inspector.get(`/api/cases?unitId=${unitId}&pageSize=200`);
      return list.body.items.find((c: { source: { ref: string } }) => c.source.ref === finding.body.id);
    }, 30_000, 'the case');
    return found.id;
  };

  it('lets the unit acknowledge its notice once, and hides it from another unit', async () => {
    const caseId = await openCaseFor('unit-a', 'licence renewals left waiting for three weeks');
    const notice = await eventually(() => noticeForCase(deptA, caseId), 30_000, 'the notice');
    expect(notice).toMatchObject({ type: 'rectification_notice', unitId: 'unit-a', acknowledgedAt: null });

    expect((await deptB.post(`/api/notices/${notice.id}/acknowledge`)).status).toBe(404);
    const first = await deptA.post(`/api/notices/${notice.id}/acknowledge`);
    expect(first.status).toBe(200);
    const again = await deptA.post(`/api/notices/${notice.id}/acknowledge`);
    expect(again.body.acknowledgedAt).toBe(first.body.acknowledgedAt);

    const unread = (await deptA.get('/api/notices?unread=true&pageSize=200')).body.items;
    expect(unread.some((n: { id: string }) => n.id === notice.id)).toBe(false);
    expect((await deptB.get('/api/notices?pageSize=200')).body.items.every((n: { unitId: string }) => n.unitId === 'unit-b')).toBe(true);
  });

  it('refuses channel settings from a non-admin and a webhook without its secret', async () => {
    expect((await deptA.request('PUT', '/api/units/unit-a/channels', { emails: ['x@example.test'] })).status).toBe(403);
    const invalid = await admin.request<{ errors: { field: string }[] }>('PUT', '/api/units/unit-c/channels', { webhookUrl: `${receiverUrl}/flaky` });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((e: { field: string }) => e.field)).toContain('webhookSecret');
  });

  it('delivers a signed webhook after two failures, once, with every attempt recorded, and an e-mail', async () => {
    const set = await admin.request('PUT', '/api/units/unit-c/channels', { webhookUrl: `${receiverUrl}/flaky`, webhookSecret: SECRET, emails: ['bureau-c@example.test'] });
    expect(set.status).toBe(200);
    const caseId = await openCaseFor('unit-c', 'price list missing at the market hall');

    const calls = await eventually(async () => {
      const mine = received.filter((r) => r.path === '/flaky' && JSON.parse(r.body).caseId === caseId);
      return mine.length === 3 && mine;
    }, 30_000, 'three webhook calls');
    expect(new Set(calls.map((c) => c.delivery)).size).toBe(1);
    expect(calls.every((c) => c.signatureValid)).toBe(true);
    expect(JSON.parse(calls[2].body)).toMatchObject({ type: 'rectification_notice', unitId: 'unit-c', caseId });

    const delivered = await eventually(async () => {
      const list = await admin.get('/api/notices/deliveries?status=delivered&pageSize=200');
      return list.body.items.find((d: { id: string }) => d.id === calls[0].delivery);
    }, 10_000, 'the delivered record');
    expect(delivered.history.map((h: { ok: boolean }) => h.ok)).toEqual([false, false, true]);

    const mail = await eventually(async () => mails.find((m) => m.to === 'bureau-c@example.test' && m.data.includes(caseId)), 30_000, 'the e-mail');
    expect(mail.data).toContain('Subject: [Rectify] Rectification notice');
    expect(mail.data).toContain('text/html');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(received.filter((r) => r.path === '/flaky' && JSON.parse(r.body).caseId === caseId)).toHaveLength(3);
  });

  it('dead-letters a webhook that always fails, and sends it again on an admin request', async () => {
    await admin.request('PUT', '/api/units/unit-c/channels', { webhookUrl: `${receiverUrl}/always-down`, webhookSecret: SECRET });
    const caseId = await openCaseFor('unit-c', 'complaint box locked for a month');
    const dead = await eventually(async () => {
      const list = await admin.get('/api/notices/deliveries?status=dead&pageSize=200');
      return list.body.items.find((d: { id: string; target: string }) => d.target.endsWith('/always-down') && received.some((r) => r.delivery === d.id && JSON.parse(r.body).caseId === caseId));
    }, 45_000, 'the dead letter');
    expect(dead.attempts).toBe(5);

    const before = received.filter((r) => r.delivery === dead.id).length;
    expect((await admin.post(`/api/notices/deliveries/${dead.id}/resend`)).status).toBe(202);
    await eventually(async () => received.filter((r) => r.delivery === dead.id).length > before, 10_000, 'the re-sent call');
  });
});

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => resolve(body));
  });
}
