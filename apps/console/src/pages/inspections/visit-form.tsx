import { type FormEvent, useState } from 'react';
import { api } from '../../api/client';
import type { Plan, RecordedVisit } from '../../api/types';
import { useDirectory } from '../../session/directory';
import { Field, FormProblem, SubmitButton } from '../../ui/form';
import { fromLocalInput, toLocalInput } from '../../ui/format';
import { randomKey } from '../../ui/random-key';
import { useSubmit } from '../../ui/use-submit';

interface Observation {
  category: string;
  compliant: boolean | null;
  note: string;
}

/** Records a visit: who was at their post on arrival, and what each checklist item showed. */
export function VisitForm({ plan, onRecorded }: { plan: Plan; onRecorded: (visit: RecordedVisit, unitId: string) => void }) {
  const { unitName, categoryLabel } = useDirectory();
  const open = plan.targetUnitIds.filter((u) => !plan.visitedUnitIds.includes(u));
  const [unitId, setUnitId] = useState(open[0] ?? '');
  const [arrivedAt, setArrivedAt] = useState(() => toLocalInput(new Date()));
  const [present, setPresent] = useState('');
  const [absent, setAbsent] = useState('');
  const [observations, setObservations] = useState<Observation[]>(() => plan.checklist.map((category) => ({ category, compliant: null, note: '' })));
  // One key per attempt: a retried submission (double click, lost answer) records one visit.
  const [idempotencyKey] = useState(randomKey);
  const submission = useSubmit();

  const set = (index: number, change: Partial<Observation>) => setObservations(observations.map((o, i) => (i === index ? { ...o, ...change } : o)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const answered = observations.filter((o) => o.compliant !== null);
    const body = {
      unitId,
      arrivedAt: fromLocalInput(arrivedAt),
      ...(present !== '' || absent !== '' ? { onArrival: { staffPresent: Number(present || 0), staffAbsent: Number(absent || 0) } } : {}),
      observations: answered.map((o) => ({ category: o.category, compliant: o.compliant, ...(o.note.trim() ? { note: o.note.trim() } : {}) })),
    };
    const visit = await submission.run(() =>
      api.post<RecordedVisit>(`/api/inspections/plans/${plan.id}/visits`, body, { headers: { 'idempotency-key': `${idempotencyKey}-${unitId}` } }),
    );
    if (visit) onRecorded(visit, unitId);
  };

  if (open.length === 0) return <p className="muted">Every target unit has been visited.</p>;
  const observationError = (index: number) => {
    const answeredIndex = observations.slice(0, index + 1).filter((o) => o.compliant !== null).length - 1;
    return submission.fieldError(`observations.${answeredIndex}.note`) ?? submission.fieldError(`observations.${answeredIndex}.category`);
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Record a visit">
      <FormProblem submission={submission} shown={['unitId', 'arrivedAt', 'onArrival', 'observations']} />
      <div className="grid2">
        <Field label="Unit visited" error={submission.fieldError('unitId')}>
          {(id) => (
            <select id={id} value={unitId} onChange={(e) => setUnitId(e.target.value)}>
              {open.map((u) => <option key={u} value={u}>{unitName(u)}</option>)}
            </select>
          )}
        </Field>
        <Field label="Arrived at" error={submission.fieldError('arrivedAt')}>
          {(id) => <input id={id} type="datetime-local" value={arrivedAt} onChange={(e) => setArrivedAt(e.target.value)} />}
        </Field>
      </div>
      {plan.mode === 'unannounced' && (
        <div className="grid2">
          <Field label="Staff at their posts on arrival" error={submission.fieldError('onArrival.staffPresent')}>
            {(id) => <input id={id} type="number" min={0} inputMode="numeric" value={present} onChange={(e) => setPresent(e.target.value)} />}
          </Field>
          <Field label="Staff absent" error={submission.fieldError('onArrival.staffAbsent')}>
            {(id) => <input id={id} type="number" min={0} inputMode="numeric" value={absent} onChange={(e) => setAbsent(e.target.value)} />}
          </Field>
        </div>
      )}
      <fieldset className="observations">
        <legend>Observations</legend>
        {submission.fieldError('observations') && <p className="field__error" role="alert">Record at least one observation.</p>}
        {observations.map((o, index) => (
          <div key={o.category} className={`observation${o.compliant === false ? ' observation--finding' : ''}`} data-testid={`observation-${o.category}`}>
            <div className="observation__head">
              <strong>{categoryLabel(o.category)}</strong>
              <div className="segmented" role="radiogroup" aria-label={`${categoryLabel(o.category)}: result`}>
                <label><input type="radio" name={`obs-${o.category}`} checked={o.compliant === true} onChange={() => set(index, { compliant: true })} /> Compliant</label>
                <label><input type="radio" name={`obs-${o.category}`} checked={o.compliant === false} onChange={() => set(index, { compliant: false })} /> Finding</label>
                <label><input type="radio" name={`obs-${o.category}`} checked={o.compliant === null} onChange={() => set(index, { compliant: null })} /> Not checked</label>
              </div>
            </div>
            {o.compliant === false && (
              <Field label="What was found" error={observationError(index)}>
                {(id) => <textarea id={id} rows={2} value={o.note} onChange={(e) => set(index, { note: e.target.value })} />}
              </Field>
            )}
          </div>
        ))}
      </fieldset>
      <SubmitButton busy={submission.busy}>Record visit</SubmitButton>
    </form>
  );
}
