import { type FormEvent, useState } from 'react';
import { api, query } from '../../api/client';
import type { Page, Role, User } from '../../api/types';
import { ROLE_LABELS } from '../../navigation';
import { useLocation, useSearchUpdate } from '../../router/router';
import { UnitOptions, useDirectory } from '../../session/directory';
import { ErrorNotice, Field, FormProblem, SubmitButton } from '../../ui/form';
import { Pager } from '../../ui/pager';
import { useApi } from '../../ui/use-api';
import { useSubmit } from '../../ui/use-submit';
import { ROLES } from '../../vocabulary';

export function UsersPage() {
  const { unitName } = useDirectory();
  const { search } = useLocation();
  const update = useSearchUpdate();
  const page = Number(search.get('page') ?? 1) || 1;
  const users = useApi<Page<User>>(`/api/users${query({ page, pageSize: 20 })}`);
  const [editing, setEditing] = useState<string | null>(null);

  return (
    <section className="page">
      <div className="page__head"><h1>Users</h1></div>
      <div className="split">
        <div className="split__main">
          <ErrorNotice error={users.error} what="the users" />
          {users.data && (
            <>
              <table className="table table--cards" data-testid="users">
                <thead><tr><th scope="col">User</th><th scope="col">Role</th><th scope="col">Unit</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr></thead>
                <tbody>
                  {users.data.items.map((u) =>
                    editing === u.id ? (
                      <tr key={u.id}>
                        <td colSpan={4}>
                          <UserEditForm user={u} onDone={async () => { setEditing(null); await users.reload(); }} onCancel={() => setEditing(null)} />
                        </td>
                      </tr>
                    ) : (
                      <tr key={u.id}>
                        <td data-label="User" className="strong">{u.username}</td>
                        <td data-label="Role">{ROLE_LABELS[u.role] ?? u.role}</td>
                        <td data-label="Unit">{u.unitId ? unitName(u.unitId) : '—'}</td>
                        <td data-label="">
                          <button type="button" className="button button--ghost" onClick={() => setEditing(u.id)} aria-label={`Edit ${u.username}`}>Edit</button>
                        </td>
                      </tr>
                    ),
                  )}
                </tbody>
              </table>
              <Pager page={users.data.page} pageSize={users.data.pageSize} total={users.data.total} onPage={(p) => update({ page: p })} />
            </>
          )}
        </div>
        <aside className="split__side">
          <NewUserForm onCreated={users.reload} />
        </aside>
      </div>
    </section>
  );
}

function RoleSelect({ id, value, onChange }: { id: string; value: string; onChange: (role: Role) => void }) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value as Role)}>
      {ROLES.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
    </select>
  );
}

function NewUserForm({ onCreated }: { onCreated: () => Promise<void> }) {
  const [form, setForm] = useState({ username: '', password: '', role: 'department' as Role, unitId: '' });
  const [created, setCreated] = useState<string | null>(null);
  const submission = useSubmit();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { username: form.username.trim(), password: form.password, role: form.role, ...(form.unitId ? { unitId: form.unitId } : {}) };
    const user = await submission.run(() => api.post<User>('/api/users', body));
    if (user) {
      setCreated(user.username);
      setForm({ username: '', password: '', role: 'department', unitId: '' });
      await onCreated();
    }
  };
  return (
    <form onSubmit={submit} noValidate className="card" aria-label="New user">
      <h2>New user</h2>
      {created && <div className="alert alert--success" role="status">{created} can now sign in.</div>}
      <FormProblem submission={submission} shown={['username', 'password', 'role', 'unitId']} />
      <Field label="User name" error={submission.fieldError('username')}>
        {(id) => <input id={id} value={form.username} autoComplete="off" onChange={(e) => setForm({ ...form, username: e.target.value })} />}
      </Field>
      <Field label="Password" error={submission.fieldError('password')} hint="At least 8 characters.">
        {(id, describedBy) => <input id={id} type="password" autoComplete="new-password" value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} aria-describedby={describedBy} />}
      </Field>
      <Field label="Role" error={submission.fieldError('role')}>
        {(id) => <RoleSelect id={id} value={form.role} onChange={(role) => setForm({ ...form, role })} />}
      </Field>
      <Field label="Unit" error={submission.fieldError('unitId')} hint="Required for a department user.">
        {(id, describedBy) => (
          <select id={id} value={form.unitId} onChange={(e) => setForm({ ...form, unitId: e.target.value })} aria-describedby={describedBy}>
            <option value="">None</option>
            <UnitOptions />
          </select>
        )}
      </Field>
      <SubmitButton busy={submission.busy}>Create user</SubmitButton>
    </form>
  );
}

function UserEditForm({ user, onDone, onCancel }: { user: User; onDone: () => Promise<void>; onCancel: () => void }) {
  const [role, setRole] = useState<Role>(user.role);
  const [unitId, setUnitId] = useState(user.unitId ?? '');
  const [password, setPassword] = useState('');
  const [passwordReset, setPasswordReset] = useState(false);
  const save = useSubmit();
  const reset = useSubmit();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await save.run(() => api.patch<User>(`/api/users/${encodeURIComponent(user.id)}`, { role, unitId: unitId || null }));
    if (saved) await onDone();
  };
  const resetPassword = async () => {
    setPasswordReset(false);
    // 204, no body: success is the absence of an error.
    const done = await reset.run(async () => {
      await api.post(`/api/users/${encodeURIComponent(user.id)}/reset-password`, { password });
      return true;
    });
    if (done) {
      setPassword('');
      setPasswordReset(true);
    }
  };
  return (
    <div className="inline-form">
      <form onSubmit={submit} noValidate aria-label={`Edit ${user.username}`}>
        <h3>{user.username}</h3>
        <FormProblem submission={save} shown={['role', 'unitId']} />
        <div className="grid2">
          <Field label="Role" error={save.fieldError('role')}>
            {(id) => <RoleSelect id={id} value={role} onChange={setRole} />}
          </Field>
          <Field label="Unit" error={save.fieldError('unitId')}>
            {(id) => (
              <select id={id} value={unitId} onChange={(e) => setUnitId(e.target.value)}>
                <option value="">None</option>
                <UnitOptions />
              </select>
            )}
          </Field>
        </div>
        <div className="actions">
          <button type="button" className="button button--ghost" onClick={onCancel}>Cancel</button>
          <SubmitButton busy={save.busy}>Save</SubmitButton>
        </div>
      </form>
      <form
        className="subform"
        noValidate
        aria-label={`New password for ${user.username}`}
        onSubmit={(event) => {
          event.preventDefault();
          void resetPassword();
        }}
      >
        <FormProblem submission={reset} shown={['password']} />
        {passwordReset && <div className="alert alert--success" role="status">Password changed.</div>}
        <Field label="New password" error={reset.fieldError('password')}>
          {(id) => <input id={id} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
        </Field>
        <SubmitButton busy={reset.busy} variant="secondary">Reset password</SubmitButton>
      </form>
    </div>
  );
}
