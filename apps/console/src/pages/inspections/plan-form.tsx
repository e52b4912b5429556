import { type FormEvent, useState } from 'react';
import { api } from '../../api/client';
import { navigate } from '../../router/router';
import { useDirectory } from '../../session/directory';
import { useUser } from '../../session/session';
import { CheckboxGroup } from '../../ui/checklist';
import { Field, FormProblem, SubmitButton } from '../../ui/form';
import { daysFromNow, fromLocalInput, toLocalInput } from '../../ui/format';
import { useSubmit } from '../../ui/use-submit';

const startOfToday = () => {
  const today = new Date();
  today.setHours(0, 0, 0, 0);
  return today;
};

/** Plans an inspection; unannounced (sealed until the visit) unless the inspector says otherwise. */
export function PlanForm({ onCancel }: { onCancel: () => void }) {
  const user = useUser();
  const { units, taxonomy } = useDirectory();
  const [title, setTitle] = useState('');
  const [mode, setMode] = useState<'unannounced' | 'announced'>('unannounced');
  const [scope, setScope] = useState<'comprehensive' | 'spot'>('comprehensive');
  const [targets, setTargets] = useState<string[]>([]);
  const [from, setFrom] = useState(() => toLocalInput(startOfToday()));
  const [to, setTo] = useState(() => toLocalInput(daysFromNow(7, startOfToday())));
  const [team, setTeam] = useState('');
  const [checklist, setChecklist] = useState<string[]>([]);
  const submission = useSubmit();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const others = team.split(/[\s,]+/).map((t) => t.trim()).filter(Boolean);
    const body = {
      title: title.trim(),
      mode,
      scope,
      targetUnitIds: targets,
      window: { from: fromLocalInput(from), to: fromLocalInput(to) },
      team: [user.id, ...others.filter((id) => id !== user.id)],
      checklist,
    };
    const created = await submission.run(() => api.post<{ id: string }>('/api/inspections/plans', body));
    if (created) navigate(`/inspections/plans/${created.id}`);
  };

  return (
    <form onSubmit={submit} noValidate className="card card--wide" aria-label="Plan an inspection">
      <h2>Plan an inspection</h2>
      <FormProblem submission={submission} shown={['title', 'mode', 'scope', 'targetUnitIds', 'window', 'team', 'checklist']} />
      <Field label="Title" error={submission.fieldError('title')}>
        {(id) => <input id={id} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} placeholder="e.g. Service windows, first week of the month" />}
      </Field>
      <div className="grid2">
        <fieldset className="choice">
          <legend>Mode</legend>
          <label>
            <input type="radio" name="mode" checked={mode === 'unannounced'} onChange={() => setMode('unannounced')} /> Unannounced — sealed until the visit
          </label>
          <label>
            <input type="radio" name="mode" checked={mode === 'announced'} onChange={() => setMode('announced')} /> Announced
          </label>
        </fieldset>
        <fieldset className="choice">
          <legend>Scope</legend>
          <label>
            <input type="radio" name="scope" checked={scope === 'comprehensive'} onChange={() => setScope('comprehensive')} /> Comprehensive
          </label>
          <label>
            <input type="radio" name="scope" checked={scope === 'spot'} onChange={() => setScope('spot')} /> Spot check
          </label>
        </fieldset>
      </div>
      {mode === 'unannounced' && (
        <p className="alert alert--info">Sealed: until a visit is recorded only the team and administrators can read this plan, and every read is logged.</p>
      )}
      <CheckboxGroup
        legend="Units to inspect"
        testId="plan-targets"
        options={units.map((u) => ({ value: u.id, label: u.name }))}
        value={targets}
        onChange={setTargets}
        error={submission.fieldError('targetUnitIds')}
      />
      <div className="grid2">
        <Field label="Window opens" error={submission.fieldError('window.from') ?? submission.fieldError('window')}>
          {(id) => <input id={id} type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} />}
        </Field>
        <Field label="Window closes" error={submission.fieldError('window.to')}>
          {(id) => <input id={id} type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} />}
        </Field>
      </div>
      <Field label="Other team members (user ids, optional)" error={submission.fieldError('team')} hint="You are on the team. Add colleagues' user ids, separated by commas.">
        {(id, describedBy) => <input id={id} value={team} onChange={(e) => setTeam(e.target.value)} aria-describedby={describedBy} />}
      </Field>
      <CheckboxGroup
        legend="Checklist"
        testId="plan-checklist"
        options={taxonomy.map((t) => ({ value: t.code, label: t.label }))}
        value={checklist}
        onChange={setChecklist}
        error={submission.fieldError('checklist')}
      />
      <div className="actions">
        <button type="button" className="button button--ghost" onClick={onCancel}>Cancel</button>
        <SubmitButton busy={submission.busy}>Create plan</SubmitButton>
      </div>
    </form>
  );
}
