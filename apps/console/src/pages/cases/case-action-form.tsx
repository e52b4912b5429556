import { type FormEvent, useState } from 'react';
import { api } from '../../api/client';
import type { CaseView } from '../../api/types';
import { UnitOptions } from '../../session/directory';
import { Field, FormProblem, SubmitButton } from '../../ui/form';
import { daysFromNow, fromLocalInput, toLocalInput } from '../../ui/format';
import { useSubmit } from '../../ui/use-submit';
import type { ActionField, CaseAction } from './case-actions';
import { MeasuresEditor, type MeasureRow, newMeasure } from './measures-editor';

type Values = Record<string, string>;

function initialValues(action: CaseAction, c: CaseView): Values {
  const values: Values = {};
  for (const field of action.fields) {
    if (field.kind === 'unit') values[field.name] = c.responsibleUnitId ?? c.unitId;
    else if (field.kind === 'select') values[field.name] = '';
    else if (field.kind === 'datetime' && !field.optional) values[field.name] = toLocalInput(daysFromNow(7, c.deadline ? new Date(c.deadline) : new Date()));
    else values[field.name] = field.name === 'responsiblePerson' ? c.responsiblePerson ?? '' : '';
  }
  return values;
}

/** Body of the command: empty optional fields left out, times as ISO-8601 UTC. */
function bodyOf(action: CaseAction, values: Values, measures: MeasureRow[]): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of action.fields) {
    if (field.kind === 'measures') {
      body.measures = measures.map((m) => ({ description: m.description.trim(), owner: m.owner.trim(), dueDate: fromLocalInput(m.dueDate) }));
      continue;
    }
    const raw = values[field.name]?.trim() ?? '';
    if (!raw && field.optional) continue;
    body[field.name] = field.kind === 'datetime' ? fromLocalInput(raw) : raw;
  }
  return body;
}

export function CaseActionForm({ action, c, onDone, onCancel }: { action: CaseAction; c: CaseView; onDone: (message: string) => void; onCancel: () => void }) {
  const [values, setValues] = useState<Values>(() => initialValues(action, c));
  const [measures, setMeasures] = useState<MeasureRow[]>(() => (c.measures.length ? c.measures.map((m) => ({ ...m, dueDate: m.dueDate.slice(0, 10) })) : [newMeasure()]));
  // The version the person was looking at when they opened the form: a change since is a 409.
  const [seenVersion, setSeenVersion] = useState(c.version);
  const submission = useSubmit();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await submission.run(() => api.post<{ status: string }>(`/api/cases/${c.id}/${action.command}`, bodyOf(action, values, measures), { ifMatch: seenVersion }));
    if (done) onDone(`${action.label}: done.`);
    // The page has meanwhile refreshed the case: the next attempt is against what is shown now.
    else setSeenVersion(c.version);
  };

  const control = (field: Exclude<ActionField, { kind: 'measures' }>, id: string, describedBy?: string) => {
    const props = { id, value: values[field.name] ?? '', 'aria-describedby': describedBy, onChange: (e: { target: { value: string } }) => setValues({ ...values, [field.name]: e.target.value }) };
    switch (field.kind) {
      case 'textarea':
        return <textarea rows={3} {...props} />;
      case 'datetime':
        return <input type="datetime-local" {...props} />;
      case 'unit':
        return (
          <select {...props}>
            <UnitOptions />
          </select>
        );
      case 'select':
        return (
          <select {...props}>
            <option value="">Choose…</option>
            {field.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
        );
      default:
        return <input {...props} />;
    }
  };

  return (
    <form onSubmit={submit} noValidate className="action-form" aria-label={action.label}>
      <FormProblem submission={submission} shown={action.fields.map((f) => f.name)} />
      {action.fields.length === 0 && <p>Confirm that your unit has received this case and will rectify it.</p>}
      {action.fields.map((field) =>
        field.kind === 'measures' ? (
          <MeasuresEditor key={field.name} rows={measures} onChange={setMeasures} fieldError={submission.fieldError} />
        ) : (
          <Field key={field.name} label={field.label} error={submission.fieldError(field.name)} hint={field.hint}>
            {(id, describedBy) => control(field, id, describedBy)}
          </Field>
        ),
      )}
      <div className="actions">
        <button type="button" className="button button--ghost" onClick={onCancel}>Cancel</button>
        <SubmitButton busy={submission.busy} variant={action.tone === 'danger' ? 'danger' : 'primary'}>{action.label}</SubmitButton>
      </div>
    </form>
  );
}
