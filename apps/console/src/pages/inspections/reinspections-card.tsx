import { type FormEvent, useState } from 'react';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { Link } from '../../router/router';
import { useDirectory } from '../../session/directory';
import { ErrorNotice, Field, FormProblem, SubmitButton } from '../../ui/form';
import { formatDateTime } from '../../ui/format';
import { useApi } from '../../ui/use-api';
import { useSubmit } from '../../ui/use-submit';
import { humanize } from '../../vocabulary';

interface Reinspection {
  id: string;
  caseId: string;
  unitId: string;
  category: string;
  purpose: string;
  requestedAt: string;
}

/** Re-inspections asked for by cases reported done (and look-backs); their result verifies the case. */
export function ReinspectionsCard() {
  const { unitName, categoryLabel } = useDirectory();
  const tasks = useApi<Page<Reinspection>>('/api/inspections/reinspections?status=requested&pageSize=50', { refreshMs: 10000 });
  const [open, setOpen] = useState<string | null>(null);
  if (!tasks.data?.items.length && !tasks.error) return null;
  return (
    <div className="card">
      <h2>Re-inspections to do</h2>
      <ErrorNotice error={tasks.error} what="the re-inspections" />
      <ul className="plain">
        {tasks.data?.items.map((t) => (
          <li key={t.id} className="reinspection">
            <div>
              <strong>{unitName(t.unitId)}</strong> · {categoryLabel(t.category)} · {humanize(t.purpose)} · requested {formatDateTime(t.requestedAt)} ·{' '}
              <Link to={`/cases/${t.caseId}`}>case</Link>
            </div>
            {open === t.id ? (
              <ResultForm id={t.id} onDone={async () => { setOpen(null); await tasks.reload(); }} onCancel={() => setOpen(null)} />
            ) : (
              <button type="button" className="button button--secondary" onClick={() => setOpen(t.id)}>Record the result</button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function ResultForm({ id, onDone, onCancel }: { id: string; onDone: () => Promise<void>; onCancel: () => void }) {
  const [outcome, setOutcome] = useState('');
  const [note, setNote] = useState('');
  const submission = useSubmit();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await submission.run(() => api.post(`/api/inspections/reinspections/${id}/result`, { outcome: outcome || undefined, note: note.trim() }));
    if (done) await onDone();
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Re-inspection result">
      <FormProblem submission={submission} shown={['outcome', 'note']} />
      <fieldset className={`choice${submission.fieldError('outcome') ? ' field--invalid' : ''}`}>
        <legend>What did the re-inspection find?</legend>
        <label><input type="radio" name={`outcome-${id}`} checked={outcome === 'resolved'} onChange={() => setOutcome('resolved')} /> The problem is resolved</label>
        <label><input type="radio" name={`outcome-${id}`} checked={outcome === 'persists'} onChange={() => setOutcome('persists')} /> The problem persists</label>
        {submission.fieldError('outcome') && <p className="field__error" role="alert">Choose what the re-inspection found.</p>}
      </fieldset>
      <Field label="Note" error={submission.fieldError('note')}>
        {(fieldId) => <textarea id={fieldId} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <div className="actions">
        <button type="button" className="button button--ghost" onClick={onCancel}>Cancel</button>
        <SubmitButton busy={submission.busy}>Record result</SubmitButton>
      </div>
    </form>
  );
}
