import request from 'supertest';
import { RECEIPT_LOOKUP_MIN_MS } from './receipts';
import { type EvaluationsTestApp, eventuallyTrue, publishCaseEvent, readTopicUntil, sha256, startEvaluationsTestApp } from '../testing/evaluations-test-app';

const CASE_ID = '3f2e1d0c-9b8a-4765-8432-10fedcba9876';
const CONTACT = 'Mr. Li, 138 0013 8000';

jest.setTimeout(60_000);

describe('public reports (real PostgreSQL and Kafka)', () => {
  let t: EvaluationsTestApp;
  const http = () => request(t.app.getHttpServer());
  const status = async (code: string) => (await http().get(`/api/public/reports/${code}`)).body.status as string;
  const reportIdOf = async (code: string) => (await t.pool.query('SELECT report_id FROM report_receipts WHERE receipt_hash = $1', [sha256(code)])).rows[0].report_id as string;
  const submit = (body: Record<string, unknown>) => http().post('/api/public/reports').send(body);

  beforeAll(async () => {
    t = await startEvaluationsTestApp('eval_reports');
  });

  afterAll(async () => {
    await t?.close();
  });

  it('follows report → receipt → triage → case opened → resolved → "not solved" feedback', async () => {
    const submitted = await submit({ description: 'The clerk at window 2 wanted a red envelope before stamping my form.', unitId: 'unit-a', category: 'FAVOR_SEEKING', channel: 'telephone', contact: CONTACT });
    expect(submitted.status).toBe(201);
    expect(submitted.headers['cache-control']).toBe('no-store');
    const code: string = submitted.body.receiptCode;
    expect(code).toMatch(/^\d{20}$/);
    expect(await status(code)).toBe('received');
    const reportId = await reportIdOf(code);

    const detail = await http().get(`/api/evaluations/reports/${reportId}`).set('Authorization', t.inspector);
    expect(detail.body).toMatchObject({ status: 'received', description: expect.stringContaining('red envelope'), contact: CONTACT });

    const triaged = await http().post(`/api/evaluations/reports/${reportId}/triage`).set('Authorization', t.inspector)
      .send({ decision: 'open_case', summary: 'Favour asked before service at window 2' });
    expect(triaged.status).toBe(200);
    expect(triaged.body).toMatchObject({ id: reportId, status: 'under_review' });
    expect(await status(code)).toBe('under_review');

    // Rectification opens the case from ReportTriaged and publishes CaseOpened (source = this report).
    await publishCaseEvent(t.topicPrefix, 'CaseOpened', CASE_ID, 1, {
      caseId: CASE_ID, unitId: 'unit-a', category: 'FAVOR_SEEKING', title: 'Public report', description: 'Favour asked', severity: 'serious',
      source: { kind: 'public_report', ref: reportId }, cadreIds: [],
    });
    await eventuallyTrue(async () => (await status(code)) === 'case_opened');
    const early = await http().post(`/api/public/reports/${code}/feedback`).send({ solved: true });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('REPORT.FEEDBACK_NOT_OPEN');

    await publishCaseEvent(t.topicPrefix, 'CaseResolved', CASE_ID, 9, { caseId: CASE_ID, unitId: 'unit-a', responsibleUnitId: 'unit-a' });
    await eventuallyTrue(async () => (await status(code)) === 'resolved');

    const feedback = await http().post(`/api/public/reports/${code}/feedback`).send({ solved: false, comment: 'Still asked for a gift last week' });
    expect(feedback.status).toBe(200);
    expect(feedback.body).toEqual({ status: 'case_opened' });

    // What rectification consumes: ReportTriaged opens the case, ReporterFeedbackGiven sends it back to verification.
    const ofReport = (events: { type: string; data: Record<string, unknown> }[]) => events.filter((e) => e.data.reportId === reportId);
    const published = ofReport(await readTopicUntil(`${t.topicPrefix}evaluations.events`, (events) => ofReport(events).some((e) => e.type === 'ReporterFeedbackGiven')));
    expect(published.map((e) => e.type)).toEqual(['ReportReceived', 'ReportTriaged', 'ReportCaseLinked', 'ReportCaseResolved', 'ReporterFeedbackGiven']);
    expect(published[1].data).toEqual({ reportId, decision: 'open_case', unitId: 'unit-a', category: 'FAVOR_SEEKING', summary: 'Favour asked before service at window 2' });
    expect(published[4].data).toEqual({ reportId, caseId: CASE_ID, solved: false, comment: 'Still asked for a gift last week' });
    // Neither the reporter's words, nor the contact, nor the receipt code left the service.
    const wire = JSON.stringify(published);
    for (const secret of ['red envelope', '138 0013', code]) expect(wire).not.toContain(secret);
  });

  it('stores the contact only encrypted, the receipt code only as its hash, and no request id in the log', async () => {
    const { body } = await http().post('/api/public/reports').set('X-Request-Id', 'trace-of-reporter-li')
      .send({ description: 'Fees charged twice at the market office', channel: 'web', contact: CONTACT });
    const reportId = await reportIdOf(body.receiptCode);
    const { rows } = await t.pool.query(
      `SELECT d.description, d.contact_sealed, encode(r.receipt_hash, 'hex') AS receipt_hash,
              (SELECT string_agg(data::text || metadata::text, ' ') FROM events WHERE stream_id = 'report-' || d.report_id::text) AS log
         FROM report_details d JOIN report_receipts r USING (report_id) WHERE d.report_id = $1`,
      [reportId],
    );
    const stored = JSON.stringify(rows[0]) + Buffer.from(rows[0].contact_sealed).toString('latin1');
    expect(stored).not.toContain('138 0013');
    expect(stored).not.toContain(body.receiptCode);
    expect(rows[0].log).not.toContain('Fees charged');
    expect(rows[0].log).not.toContain('trace-of-reporter-li');
  });

  it('answers an unknown receipt code with 404 no faster than a known one', async () => {
    const { body } = await submit({ description: 'Office closed during opening hours', channel: 'report_box' });
    const timed = async (code: string) => {
      const started = Date.now();
      const res = await http().get(`/api/public/reports/${code}`);
      return { res, ms: Date.now() - started };
    };

    const known = await timed(body.receiptCode);
    const unknown = await timed('12345678901234567890');

    expect(known.res.body).toEqual({ status: 'received' });
    expect(unknown.res.status).toBe(404);
    expect(unknown.res.body.detail).toBe('no report matches this receipt code');
    expect(known.ms).toBeGreaterThanOrEqual(RECEIPT_LOOKUP_MIN_MS - 5);
    expect(unknown.ms).toBeGreaterThanOrEqual(RECEIPT_LOOKUP_MIN_MS - 5);
  });

  it('closes a dismissed report, and refuses a dismissal without a reason', async () => {
    const { body } = await submit({ description: 'Noise from a neighbour', channel: 'web' });
    const reportId = await reportIdOf(body.receiptCode);
    const triage = (decision: Record<string, unknown>) => http().post(`/api/evaluations/reports/${reportId}/triage`).set('Authorization', t.inspector).send(decision);

    expect((await triage({ decision: 'dismiss' })).body.code).toBe('REPORT.TRIAGE_INCOMPLETE');
    expect((await triage({ decision: 'dismiss', reason: 'not a work-style matter' })).body.status).toBe('closed');
    expect(await status(body.receiptCode)).toBe('closed');
  });

  it('answers 400 naming the fields for an over-long description or an unknown channel', async () => {
    const res = await submit({ description: 'x'.repeat(4001), channel: 'fax' });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['channel', 'description']);
  });

  it('shows reports, their text and contact to inspectors only', async () => {
    const { body } = await submit({ description: 'Queue jumping for relatives', channel: 'web', contact: CONTACT });
    const reportId = await reportIdOf(body.receiptCode);
    await eventuallyTrue(async () => (await http().get('/api/evaluations/reports?status=received').set('Authorization', t.inspector)).body.items.some((r: { id: string }) => r.id === reportId));

    expect((await http().get('/api/evaluations/reports')).status).toBe(401);
    expect((await http().get('/api/evaluations/reports').set('Authorization', t.department)).status).toBe(403);
    expect((await http().get(`/api/evaluations/reports/${reportId}`).set('Authorization', t.department)).status).toBe(403);
    expect((await http().get(`/api/public/reports/${body.receiptCode}`)).body).toEqual({ status: 'received' });
  });
});
