import { type FormEvent, useState } from 'react';
import { api } from '../../api/client';
import { navigate } from '../../router/router';
import { CategoryOptions, UnitOptions } from '../../session/directory';
import { Field, FormProblem, SubmitButton } from '../../ui/form';
import { useSubmit } from '../../ui/use-submit';
import { humanize, SEVERITIES } from '../../vocabulary';

/** An inspector opens a case by hand (source `manual`), e.g. from a letter or a meeting. */
export function OpenCaseForm() {
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState({ unitId: '', category: '', title: '', description: '', severity: '' });
  const submission = useSubmit();
  const set = (name: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      unitId: form.unitId,
      category: form.category,
      title: form.title.trim(),
      description: form.description.trim(),
      ...(form.severity ? { severity: form.severity } : {}),
      source: { kind: 'manual' },
    };
    const opened = await submission.run(() => api.post<{ id: string }>('/api/cases', body));
    if (opened) navigate(`/cases/${opened.id}`);
  };

  if (!open) {
    return (
      <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
        Open a case by hand
      </button>
    );
  }
  return (
    <form onSubmit={submit} noValidate className="card card--wide">
      <h2>Open a case</h2>
      <FormProblem submission={submission} shown={['unitId', 'category', 'title', 'description', 'severity']} />
      <div className="grid2">
        <Field label="Unit" error={submission.fieldError('unitId')}>
          {(id) => (
            <select id={id} value={form.unitId} onChange={set('unitId')}>
              <option value="">Choose a unit…</option>
              <UnitOptions />
            </select>
          )}
        </Field>
        <Field label="Category" error={submission.fieldError('category')}>
          {(id) => (
            <select id={id} value={form.category} onChange={set('category')}>
              <option value="">Choose a category…</option>
              <CategoryOptions />
            </select>
          )}
        </Field>
      </div>
      <Field label="Title" error={submission.fieldError('title')}>
        {(id) => <input id={id} value={form.title} onChange={set('title')} maxLength={200} />}
      </Field>
      <Field label="Description" error={submission.fieldError('description')}>
        {(id) => <textarea id={id} rows={3} value={form.description} onChange={set('description')} />}
      </Field>
      <Field label="Severity" error={submission.fieldError('severity')} hint="Leave as is to use the category's default.">
        {(id) => (
          <select id={id} value={form.severity} onChange={set('severity')}>
            <option value="">Category default</option>
            {SEVERITIES.map((s) => <option key={s} value={s}>{humanize(s)}</option>)}
          </select>
        )}
      </Field>
      <div className="actions">
        <button type="button" className="button button--ghost" onClick={() => setOpen(false)}>Cancel</button>
        <SubmitButton busy={submission.busy}>Open case</SubmitButton>
      </div>
    </form>
  );
}
