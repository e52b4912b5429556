import { type FormEvent, useState } from 'react';
import { api, query } from '../../api/client';
import type { Page, ReportDetail, ReportListItem } from '../../api/types';
import { Link, useLocation, useSearchUpdate } from '../../router/router';
import { CategoryOptions, UnitOptions, useDirectory } from '../../session/directory';
import { ErrorNotice, Field, FormProblem, SubmitButton } from '../../ui/form';
import { formatDateTime } from '../../ui/format';
import { Pager } from '../../ui/pager';
import { useApi } from '../../ui/use-api';
import { useSubmit } from '../../ui/use-submit';
import { humanize, REPORT_STATUSES } from '../../vocabulary';

export function ReportsPage() {
  const { unitName, categoryLabel } = useDirectory();
  const { search } = useLocation();
  const update = useSearchUpdate();
  const page = Number(search.get('page') ?? 1) || 1;
  // The triage queue by default: what nobody has looked at yet.
  const status = search.get('status') ?? 'received';
  const selected = search.get('report');
  const list = useApi<Page<ReportListItem>>(`/api/evaluations/reports${query({ status: status === 'all' ? '' : status, page, pageSize: 20 })}`, { refreshMs: 10000 });

  return (
    <section className="page">
      <div className="page__head">
        <h1>Public reports</h1>
      </div>
      <form className="filters" aria-label="Filter reports" onSubmit={(e) => e.preventDefault()}>
        <label>
          Status
          <select value={status} onChange={(e) => update({ status: e.target.value, page: null, report: null })}>
            <option value="all">Any status</option>
            {REPORT_STATUSES.map((s) => <option key={s} value={s}>{humanize(s)}</option>)}
          </select>
        </label>
      </form>
      <div className="split">
        <div className="split__main">
          <ErrorNotice error={list.error} what="the reports" />
          {list.data && (
            <>
              {list.data.items.length === 0 ? (
                <p className="empty">{status === 'received' ? 'Nothing waiting for triage.' : 'No reports here.'}</p>
              ) : (
                <table className="table table--cards">
                  <thead>
                    <tr><th scope="col">Received</th><th scope="col">Unit</th><th scope="col">Category</th><th scope="col">Channel</th><th scope="col">Status</th></tr>
                  </thead>
                  <tbody>
                    {list.data.items.map((r) => (
                      <tr key={r.id} className={r.id === selected ? 'row--selected' : undefined}>
                        <td data-label="Received">
                          <button type="button" className="linklike strong" onClick={() => update({ report: r.id })}>{formatDateTime(r.receivedAt)}</button>
                        </td>
                        <td data-label="Unit">{r.unitId ? unitName(r.unitId) : 'not given'}</td>
                        <td data-label="Category">{r.category ? categoryLabel(r.category) : 'not given'}</td>
                        <td data-label="Channel">{humanize(r.channel)}</td>
                        <td data-label="Status">{humanize(r.status)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              <Pager page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPage={(p) => update({ page: p })} />
            </>
          )}
        </div>
        <aside className="split__side">{selected && <ReportPanel key={selected} id={selected} onTriaged={list.reload} />}</aside>
      </div>
    </section>
  );
}

function ReportPanel({ id, onTriaged }: { id: string; onTriaged: () => Promise<void> }) {
  const { unitName, categoryLabel } = useDirectory();
  const report = useApi<ReportDetail>(`/api/evaluations/reports/${id}`);
  const r = report.data;
  if (!r) return <div className="card"><ErrorNotice error={report.error} what="the report" />{report.loading && <p className="loading">Loading…</p>}</div>;
  return (
    <div className="card" data-testid="report-detail">
      <h2>Report</h2>
      <p className="quote">{r.description}</p>
      <dl className="facts">
        <div><dt>Unit</dt><dd>{r.unitId ? unitName(r.unitId) : 'not given'}</dd></div>
        <div><dt>Category</dt><dd>{r.category ? categoryLabel(r.category) : 'not given'}</dd></div>
        <div><dt>Contact</dt><dd>{r.contact ?? 'none given'}</dd></div>
        <div><dt>Status</dt><dd>{humanize(r.status)}</dd></div>
        {r.caseId && <div><dt>Case</dt><dd><Link to={`/cases/${r.caseId}`}>Open the case</Link></dd></div>}
      </dl>
      {r.status === 'received' && (
        <TriageForm
          report={r}
          onDone={async () => {
            await report.reload();
            await onTriaged();
          }}
        />
      )}
    </div>
  );
}

function TriageForm({ report, onDone }: { report: ReportDetail; onDone: () => Promise<void> }) {
  const [decision, setDecision] = useState<'open_case' | 'merge' | 'dismiss'>('open_case');
  const [form, setForm] = useState({ unitId: report.unitId ?? '', category: report.category ?? '', summary: '', caseId: '', reason: '' });
  const submission = useSubmit();
  const set = (name: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const pick = (names: (keyof typeof form)[]) => Object.fromEntries(names.filter((n) => form[n].trim()).map((n) => [n, form[n].trim()]));
    const body =
      decision === 'open_case' ? { decision, ...pick(['unitId', 'category', 'summary']) } : decision === 'merge' ? { decision, ...pick(['caseId', 'summary']) } : { decision, ...pick(['reason']) };
    const done = await submission.run(() => api.post(`/api/evaluations/reports/${report.id}/triage`, body, { ifMatch: report.version }));
    if (done) await onDone();
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Triage">
      <h3>Triage</h3>
      <FormProblem submission={submission} shown={['unitId', 'category', 'summary', 'caseId', 'reason']} />
      <fieldset className="choice">
        <legend>Decision</legend>
        <label><input type="radio" name="decision" checked={decision === 'open_case'} onChange={() => setDecision('open_case')} /> Open a case</label>
        <label><input type="radio" name="decision" checked={decision === 'merge'} onChange={() => setDecision('merge')} /> Join an existing case</label>
        <label><input type="radio" name="decision" checked={decision === 'dismiss'} onChange={() => setDecision('dismiss')} /> Dismiss</label>
      </fieldset>
      {decision === 'open_case' && (
        <>
          <Field label="Unit" error={submission.fieldError('unitId')}>
            {(id) => <select id={id} value={form.unitId} onChange={set('unitId')}><option value="">Choose…</option><UnitOptions /></select>}
          </Field>
          <Field label="Category" error={submission.fieldError('category')}>
            {(id) => <select id={id} value={form.category} onChange={set('category')}><option value="">Choose…</option><CategoryOptions /></select>}
          </Field>
        </>
      )}
      {decision === 'merge' && (
        <Field label="Case id" error={submission.fieldError('caseId')}>
          {(id) => <input id={id} value={form.caseId} onChange={set('caseId')} />}
        </Field>
      )}
      {decision !== 'dismiss' ? (
        <Field label="Summary for the case" error={submission.fieldError('summary')} hint="In your words: the reporter's text is never published.">
          {(id, describedBy) => <textarea id={id} rows={3} value={form.summary} onChange={set('summary')} aria-describedby={describedBy} />}
        </Field>
      ) : (
        <Field label="Reason" error={submission.fieldError('reason')}>
          {(id) => <textarea id={id} rows={3} value={form.reason} onChange={set('reason')} />}
        </Field>
      )}
      <SubmitButton busy={submission.busy}>Record decision</SubmitButton>
    </form>
  );
}
