import { type FormEvent, useState } from 'react';
import { api } from '../../api/client';
import type { TaxonomyItem } from '../../api/types';
import { Link } from '../../router/router';
import { Field, FormProblem, SubmitButton } from '../../ui/form';
import { useApi } from '../../ui/use-api';
import { useSubmit } from '../../ui/use-submit';

export function FileReportPage() {
  const taxonomy = useApi<{ items: TaxonomyItem[] }>('/api/taxonomy');
  const [description, setDescription] = useState('');
  const [unitId, setUnitId] = useState('');
  const [category, setCategory] = useState('');
  const [receipt, setReceipt] = useState<string | null>(null);
  const submission = useSubmit();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      description: description.trim(),
      channel: 'web',
      ...(unitId.trim() ? { unitId: unitId.trim() } : {}),
      ...(category ? { category } : {}),
    };
    const result = await submission.run(() => api.post<{ receiptCode: string }>('/api/public/reports', body));
    if (result) setReceipt(result.receiptCode);
  };

  if (receipt) {
    return (
      <section className="page page--narrow">
        <h1>Report received</h1>
        <div className="alert alert--success" role="status">
          <p>Keep this receipt code. It is the only way to follow your report — we do not know who you are.</p>
          <p className="receipt" data-testid="receipt-code">{receipt}</p>
        </div>
        <div className="actions">
          <button type="button" className="button button--secondary" onClick={() => void navigator.clipboard?.writeText(receipt)}>Copy the code</button>
          <Link to={`/public/report-status?code=${encodeURIComponent(receipt)}`} className="button button--primary">Follow this report</Link>
        </div>
      </section>
    );
  }

  return (
    <section className="page page--narrow">
      <h1>Report a problem</h1>
      <p className="lead">
        Tell the commission about officials who are absent, cold, ask for favours, charge arbitrarily or push you around. You do not need to give your
        name.
      </p>
      <form onSubmit={submit} noValidate className="card">
        <FormProblem submission={submission} shown={['description', 'unitId', 'category']} />
        <Field label="What happened?" error={submission.fieldError('description')} hint="Where, when, what was said or done. Up to 4,000 characters.">
          {(id, describedBy) => <textarea id={id} rows={6} maxLength={4000} value={description} onChange={(e) => setDescription(e.target.value)} aria-describedby={describedBy} />}
        </Field>
        <Field label="Office concerned (optional)" error={submission.fieldError('unitId')} hint="Its id if you know it, e.g. unit-a">
          {(id, describedBy) => <input id={id} value={unitId} onChange={(e) => setUnitId(e.target.value)} aria-describedby={describedBy} />}
        </Field>
        <Field label="Kind of problem (optional)" error={submission.fieldError('category')}>
          {(id) => (
            <select id={id} value={category} onChange={(e) => setCategory(e.target.value)}>
              <option value="">I am not sure</option>
              {(taxonomy.data?.items ?? []).map((t) => <option key={t.code} value={t.code}>{t.label}</option>)}
            </select>
          )}
        </Field>
        <SubmitButton busy={submission.busy}>Send report</SubmitButton>
      </form>
    </section>
  );
}
