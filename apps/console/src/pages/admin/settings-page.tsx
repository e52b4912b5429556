import { type FormEvent, useState } from 'react';
import { api } from '../../api/client';
import { describeProblem } from '../../api/problem';
import type { TaxonomyItem, Thresholds } from '../../api/types';
import { useDirectory } from '../../session/directory';
import { ErrorNotice, Field, FormProblem, SubmitButton } from '../../ui/form';
import { useApi } from '../../ui/use-api';
import { useSubmit } from '../../ui/use-submit';
import { humanize, SEVERITIES } from '../../vocabulary';

export function SettingsPage() {
  return (
    <section className="page">
      <div className="page__head"><h1>Time limits &amp; thresholds</h1></div>
      <div className="split">
        <div className="split__main"><TaxonomyCard /></div>
        <aside className="split__side"><ThresholdsCard /></aside>
      </div>
    </section>
  );
}

function TaxonomyCard() {
  const taxonomy = useApi<{ items: TaxonomyItem[] }>('/api/taxonomy');
  const directory = useDirectory();
  return (
    <div className="card">
      <h2>Problem categories</h2>
      <p className="muted">Each category's default severity and the days a unit gets to rectify it. New assignments use these.</p>
      <ErrorNotice error={taxonomy.error} what="the categories" />
      {taxonomy.data && (
        <ul className="plain taxonomy-list">
          {taxonomy.data.items.map((item) => (
            <TaxonomyRow key={item.code} item={item} onSaved={async () => { await taxonomy.reload(); directory.reload(); }} />
          ))}
        </ul>
      )}
    </div>
  );
}

function TaxonomyRow({ item, onSaved }: { item: TaxonomyItem; onSaved: () => Promise<void> }) {
  const [severity, setSeverity] = useState(item.severity);
  const [days, setDays] = useState(String(item.days));
  const [saved, setSaved] = useState(false);
  const submission = useSubmit();
  const changed = severity !== item.severity || days !== String(item.days);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const result = await submission.run(() => api.put(`/api/taxonomy/${item.code}`, { severity, days: Number(days) }));
    if (result) {
      setSaved(true);
      await onSaved();
    }
  };
  return (
    <li>
      <form onSubmit={submit} noValidate className="taxonomy-row" aria-label={item.label}>
        <strong className="taxonomy-row__label">{item.label}</strong>
        <label>
          Severity
          <select value={severity} onChange={(e) => setSeverity(e.target.value as TaxonomyItem['severity'])}>
            {SEVERITIES.map((s) => <option key={s} value={s}>{humanize(s)}</option>)}
          </select>
        </label>
        <label>
          Days
          <input type="number" min={1} max={365} value={days} onChange={(e) => setDays(e.target.value)} aria-invalid={!!submission.fieldError('days')} />
        </label>
        <button type="submit" className="button button--secondary" disabled={!changed || submission.busy}>Save</button>
        {saved && !changed && <span className="muted" role="status">Saved</span>}
        {submission.error && (
          <span className="field__error" role="alert">{submission.fieldError('days') ?? submission.fieldError('severity') ?? describeProblem(submission.error.problem)}</span>
        )}
      </form>
    </li>
  );
}

const asPercent = (share: number) => String(Math.round(share * 1000) / 10);

function ThresholdsCard() {
  const thresholds = useApi<Thresholds>('/api/settings/thresholds');
  return (
    <div className="card">
      <h2>Satisfaction thresholds</h2>
      <p className="muted">Defaults for new evaluation campaigns. A unit in breach gets a time-limited case.</p>
      <ErrorNotice error={thresholds.error} what="the thresholds" />
      {thresholds.data && <ThresholdsForm key={JSON.stringify(thresholds.data)} current={thresholds.data} onSaved={thresholds.reload} />}
    </div>
  );
}

function ThresholdsForm({ current, onSaved }: { current: Thresholds; onSaved: () => Promise<void> }) {
  const [form, setForm] = useState({ unsatisfiedAbove: asPercent(current.unsatisfiedAbove), satisfiedBelow: asPercent(current.satisfiedBelow), minBallots: String(current.minBallots) });
  const [saved, setSaved] = useState(false);
  const submission = useSubmit();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const body = { unsatisfiedAbove: Number(form.unsatisfiedAbove) / 100, satisfiedBelow: Number(form.satisfiedBelow) / 100, minBallots: Number(form.minBallots) };
    const result = await submission.run(() => api.put('/api/settings/thresholds', body));
    if (result) {
      setSaved(true);
      await onSaved();
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Thresholds">
      {saved && <div className="alert alert--success" role="status">Saved.</div>}
      <FormProblem submission={submission} shown={['unsatisfiedAbove', 'satisfiedBelow', 'minBallots']} />
      <Field label="Breach when unsatisfied share is above (%)" error={submission.fieldError('unsatisfiedAbove')}>
        {(id) => <input id={id} type="number" min={0} max={100} step="0.1" value={form.unsatisfiedAbove} onChange={(e) => setForm({ ...form, unsatisfiedAbove: e.target.value })} />}
      </Field>
      <Field label="…or satisfied share is below (%)" error={submission.fieldError('satisfiedBelow')}>
        {(id) => <input id={id} type="number" min={0} max={100} step="0.1" value={form.satisfiedBelow} onChange={(e) => setForm({ ...form, satisfiedBelow: e.target.value })} />}
      </Field>
      <Field label="Minimum ballots for a verdict" error={submission.fieldError('minBallots')}>
        {(id) => <input id={id} type="number" min={1} step="1" value={form.minBallots} onChange={(e) => setForm({ ...form, minBallots: e.target.value })} />}
      </Field>
      <SubmitButton busy={submission.busy}>Save thresholds</SubmitButton>
    </form>
  );
}
