import { type FormEvent, useState } from 'react';
import { api } from '../../api/client';
import type { Thresholds } from '../../api/types';
import { navigate } from '../../router/router';
import { useDirectory } from '../../session/directory';
import { CheckboxGroup } from '../../ui/checklist';
import { Field, FormProblem, SubmitButton } from '../../ui/form';
import { daysFromNow, fromLocalInput, toLocalInput } from '../../ui/format';
import { useApi } from '../../ui/use-api';
import { useSubmit } from '../../ui/use-submit';

interface GroupRow {
  name: string;
  weight: string;
}

const percent = (share: number) => String(Math.round(share * 100));

/** Opens an evaluation campaign over units; breach rules default to the administrator's thresholds. */
export function CampaignForm({ onCancel }: { onCancel: () => void }) {
  const { units } = useDirectory();
  const defaults = useApi<Thresholds>('/api/settings/thresholds');
  const [title, setTitle] = useState('');
  const [targets, setTargets] = useState<string[]>([]);
  const [groups, setGroups] = useState<GroupRow[]>([{ name: 'public', weight: '1' }]);
  const [opensAt, setOpensAt] = useState(() => toLocalInput(new Date()));
  const [closesAt, setClosesAt] = useState(() => toLocalInput(daysFromNow(14)));
  const [rules, setRules] = useState<{ unsatisfiedAbove: string; satisfiedBelow: string; minBallots: string } | null>(null);
  const submission = useSubmit();

  const shown = rules ?? (defaults.data ? { unsatisfiedAbove: percent(defaults.data.unsatisfiedAbove), satisfiedBelow: percent(defaults.data.satisfiedBelow), minBallots: String(defaults.data.minBallots) } : null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      title: title.trim(),
      targets: targets.map((id) => ({ kind: 'unit', id })),
      groups: groups.map((g) => ({ name: g.name.trim(), weight: Number(g.weight) })),
      opensAt: fromLocalInput(opensAt),
      closesAt: fromLocalInput(closesAt),
      ...(rules
        ? { rules: { unsatisfiedAbove: Number(rules.unsatisfiedAbove) / 100, satisfiedBelow: Number(rules.satisfiedBelow) / 100, minBallots: Number(rules.minBallots) } }
        : {}),
    };
    const created = await submission.run(() => api.post<{ id: string }>('/api/evaluations/campaigns', body));
    if (created) navigate(`/campaigns/${created.id}`);
  };

  const setGroup = (index: number, change: Partial<GroupRow>) => setGroups(groups.map((g, i) => (i === index ? { ...g, ...change } : g)));
  return (
    <form onSubmit={submit} noValidate className="card card--wide" aria-label="New evaluation">
      <h2>New evaluation campaign</h2>
      <FormProblem submission={submission} shown={['title', 'targets', 'groups', 'opensAt', 'closesAt', 'rules']} />
      <Field label="Title" error={submission.fieldError('title')}>
        {(id) => <input id={id} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} placeholder="e.g. Service windows, spring review" />}
      </Field>
      <CheckboxGroup legend="Units to rate" options={units.map((u) => ({ value: u.id, label: u.name }))} value={targets} onChange={setTargets} error={submission.fieldError('targets')} />
      <fieldset className="subform">
        <legend>Respondent groups and their weights</legend>
        {groups.map((g, index) => (
          <div key={index} className="grid2 grid2--tight">
            <Field label={`Group ${index + 1}`} error={submission.fieldError(`groups.${index}.name`)}>
              {(id) => <input id={id} value={g.name} onChange={(e) => setGroup(index, { name: e.target.value })} placeholder="public, service recipients, deputies…" />}
            </Field>
            <Field label="Weight" error={submission.fieldError(`groups.${index}.weight`)}>
              {(id) => <input id={id} type="number" min={0} step="0.1" value={g.weight} onChange={(e) => setGroup(index, { weight: e.target.value })} />}
            </Field>
          </div>
        ))}
        <button type="button" className="button button--secondary" onClick={() => setGroups([...groups, { name: '', weight: '1' }])}>Add a group</button>
      </fieldset>
      <div className="grid2">
        <Field label="Opens" error={submission.fieldError('opensAt')}>
          {(id) => <input id={id} type="datetime-local" value={opensAt} onChange={(e) => setOpensAt(e.target.value)} />}
        </Field>
        <Field label="Closes" error={submission.fieldError('closesAt')}>
          {(id) => <input id={id} type="datetime-local" value={closesAt} onChange={(e) => setClosesAt(e.target.value)} />}
        </Field>
      </div>
      {shown && (
        <fieldset className="subform">
          <legend>Breach rules {rules ? '' : '(the defaults)'}</legend>
          <div className="grid3">
            <Field label="Unsatisfied above (%)" error={submission.fieldError('rules.unsatisfiedAbove')}>
              {(id) => <input id={id} type="number" min={0} max={100} value={shown.unsatisfiedAbove} onChange={(e) => setRules({ ...shown, unsatisfiedAbove: e.target.value })} />}
            </Field>
            <Field label="Satisfied below (%)" error={submission.fieldError('rules.satisfiedBelow')}>
              {(id) => <input id={id} type="number" min={0} max={100} value={shown.satisfiedBelow} onChange={(e) => setRules({ ...shown, satisfiedBelow: e.target.value })} />}
            </Field>
            <Field label="Minimum ballots" error={submission.fieldError('rules.minBallots')}>
              {(id) => <input id={id} type="number" min={1} value={shown.minBallots} onChange={(e) => setRules({ ...shown, minBallots: e.target.value })} />}
            </Field>
          </div>
        </fieldset>
      )}
      <div className="actions">
        <button type="button" className="button button--ghost" onClick={onCancel}>Cancel</button>
        <SubmitButton busy={submission.busy}>Open campaign</SubmitButton>
      </div>
    </form>
  );
}
