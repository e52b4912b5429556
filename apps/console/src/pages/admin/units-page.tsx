import { type FormEvent, useState } from 'react';
import { api } from '../../api/client';
import type { Unit } from '../../api/types';
import { UnitOptions, useDirectory } from '../../session/directory';
import { ErrorNotice, Field, FormProblem, SubmitButton } from '../../ui/form';
import { useApi } from '../../ui/use-api';
import { useSubmit } from '../../ui/use-submit';

export function UnitsPage() {
  const units = useApi<{ items: Unit[] }>('/api/units');
  const directory = useDirectory();
  const [editing, setEditing] = useState<string | null>(null);
  const refresh = async () => {
    await units.reload();
    directory.reload();
  };
  const name = (id: string | null) => (id ? units.data?.items.find((u) => u.id === id)?.name ?? id : '—');

  return (
    <section className="page">
      <div className="page__head"><h1>Units</h1></div>
      <div className="split">
        <div className="split__main">
          <ErrorNotice error={units.error} what="the units" />
          {units.data && (
            <table className="table table--cards" data-testid="units">
              <thead><tr><th scope="col">Unit</th><th scope="col">Id</th><th scope="col">Superior</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr></thead>
              <tbody>
                {units.data.items.map((u) =>
                  editing === u.id ? (
                    <tr key={u.id}>
                      <td colSpan={4}>
                        <UnitEditForm unit={u} onDone={async () => { setEditing(null); await refresh(); }} onCancel={() => setEditing(null)} />
                      </td>
                    </tr>
                  ) : (
                    <tr key={u.id}>
                      <td data-label="Unit" className="strong">{u.name}</td>
                      <td data-label="Id"><code>{u.id}</code></td>
                      <td data-label="Superior">{name(u.parentId)}</td>
                      <td data-label="">
                        <button type="button" className="button button--ghost" onClick={() => setEditing(u.id)} aria-label={`Edit ${u.name}`}>Edit</button>
                      </td>
                    </tr>
                  ),
                )}
              </tbody>
            </table>
          )}
        </div>
        <aside className="split__side">
          <NewUnitForm onCreated={refresh} />
        </aside>
      </div>
    </section>
  );
}

function NewUnitForm({ onCreated }: { onCreated: () => Promise<void> }) {
  const [form, setForm] = useState({ id: '', name: '', parentId: '' });
  const [created, setCreated] = useState<string | null>(null);
  const submission = useSubmit();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { id: form.id.trim(), name: form.name.trim(), ...(form.parentId ? { parentId: form.parentId } : {}) };
    const unit = await submission.run(() => api.post<Unit>('/api/units', body));
    if (unit) {
      setCreated(unit.name);
      setForm({ id: '', name: '', parentId: '' });
      await onCreated();
    }
  };
  return (
    <form onSubmit={submit} noValidate className="card" aria-label="New unit">
      <h2>New unit</h2>
      {created && <div className="alert alert--success" role="status">{created} created.</div>}
      <FormProblem submission={submission} shown={['id', 'name', 'parentId']} />
      <Field label="Id" error={submission.fieldError('id')} hint="Lowercase letters, digits and hyphens, e.g. unit-d">
        {(id, describedBy) => <input id={id} value={form.id} onChange={(e) => setForm({ ...form, id: e.target.value })} aria-describedby={describedBy} />}
      </Field>
      <Field label="Name" error={submission.fieldError('name')}>
        {(id) => <input id={id} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />}
      </Field>
      <Field label="Superior unit" error={submission.fieldError('parentId')}>
        {(id) => (
          <select id={id} value={form.parentId} onChange={(e) => setForm({ ...form, parentId: e.target.value })}>
            <option value="">None (top level)</option>
            <UnitOptions />
          </select>
        )}
      </Field>
      <SubmitButton busy={submission.busy}>Create unit</SubmitButton>
    </form>
  );
}

function UnitEditForm({ unit, onDone, onCancel }: { unit: Unit; onDone: () => Promise<void>; onCancel: () => void }) {
  const [name, setName] = useState(unit.name);
  const [parentId, setParentId] = useState(unit.parentId ?? '');
  const submission = useSubmit();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await submission.run(() => api.patch<Unit>(`/api/units/${encodeURIComponent(unit.id)}`, { name: name.trim(), parentId: parentId || null }));
    if (saved) await onDone();
  };
  return (
    <form onSubmit={submit} noValidate className="inline-form" aria-label={`Edit ${unit.name}`}>
      <FormProblem submission={submission} shown={['name', 'parentId']} />
      <div className="grid2">
        <Field label="Name" error={submission.fieldError('name')}>
          {(id) => <input id={id} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field label="Superior unit" error={submission.fieldError('parentId')}>
          {(id) => (
            <select id={id} value={parentId} onChange={(e) => setParentId(e.target.value)}>
              <option value="">None (top level)</option>
              <UnitOptions />
            </select>
          )}
        </Field>
      </div>
      <div className="actions">
        <button type="button" className="button button--ghost" onClick={onCancel}>Cancel</button>
        <SubmitButton busy={submission.busy}>Save</SubmitButton>
      </div>
    </form>
  );
}
