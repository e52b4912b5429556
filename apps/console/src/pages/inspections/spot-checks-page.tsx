import { type FormEvent, useState } from 'react';
import { api } from '../../api/client';
import { describeProblem } from '../../api/problem';
import type { SpotCheck } from '../../api/types';
import { UnitOptions, useDirectory } from '../../session/directory';
import { Flag } from '../../ui/badges';
import { CheckboxGroup } from '../../ui/checklist';
import { Field, FormProblem, SubmitButton } from '../../ui/form';
import { useSubmit } from '../../ui/use-submit';

type Population = 'all' | 'units' | 'parent';

export function SpotChecksPage() {
  const { units, unitName } = useDirectory();
  const [population, setPopulation] = useState<Population>('all');
  const [unitIds, setUnitIds] = useState<string[]>([]);
  const [parentId, setParentId] = useState('');
  const [sampleSize, setSampleSize] = useState('1');
  const [risk, setRisk] = useState(true);
  const [seed, setSeed] = useState('');
  const [draw, setDraw] = useState<SpotCheck | null>(null);
  const submission = useSubmit();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDraw(null);
    const body = {
      population: population === 'units' ? { unitIds } : population === 'parent' ? { parentId } : {},
      sampleSize: Number(sampleSize),
      ...(risk ? { weights: { risk: 'cases_opened' } } : {}),
      ...(seed.trim() ? { seed: seed.trim() } : {}),
    };
    const result = await submission.run(() => api.post<SpotCheck>('/api/inspections/spot-checks', body));
    if (result) setDraw(result);
  };

  return (
    <section className="page">
      <div className="page__head">
        <h1>Spot-check draw</h1>
      </div>
      <p className="lead">
        Units are drawn at random, reproducibly: the seed's hash is committed before the draw, so anyone can re-run it from the recorded seed and get the
        same units.
      </p>
      <div className="split">
        <form onSubmit={submit} noValidate className="card split__main" aria-label="Draw units">
          <FormProblem submission={submission} shown={['population', 'sampleSize', 'seed', 'weights']} />
          <fieldset className="choice">
            <legend>Draw from</legend>
            <label><input type="radio" name="population" checked={population === 'all'} onChange={() => setPopulation('all')} /> Every unit</label>
            <label><input type="radio" name="population" checked={population === 'units'} onChange={() => setPopulation('units')} /> Units I choose</label>
            <label><input type="radio" name="population" checked={population === 'parent'} onChange={() => setPopulation('parent')} /> The units under a superior</label>
          </fieldset>
          {population === 'units' && (
            <CheckboxGroup legend="Units" options={units.map((u) => ({ value: u.id, label: u.name }))} value={unitIds} onChange={setUnitIds} error={submission.fieldError('population.unitIds')} />
          )}
          {population === 'parent' && (
            <Field label="Superior unit" error={submission.fieldError('population.parentId')}>
              {(id) => (
                <select id={id} value={parentId} onChange={(e) => setParentId(e.target.value)}>
                  <option value="">Choose…</option>
                  <UnitOptions />
                </select>
              )}
            </Field>
          )}
          <div className="grid2">
            <Field label="How many units" error={submission.fieldError('sampleSize')}>
              {(id) => <input id={id} type="number" min={1} inputMode="numeric" value={sampleSize} onChange={(e) => setSampleSize(e.target.value)} />}
            </Field>
            <Field label="Seed (optional)" error={submission.fieldError('seed')} hint="Give one announced in advance for a public draw; otherwise a random one is used.">
              {(id, describedBy) => <input id={id} value={seed} onChange={(e) => setSeed(e.target.value)} aria-describedby={describedBy} />}
            </Field>
          </div>
          <label className="check">
            <input type="checkbox" checked={risk} onChange={(e) => setRisk(e.target.checked)} /> Weight by risk (units with more cases are likelier)
          </label>
          <SubmitButton busy={submission.busy}>Draw</SubmitButton>
        </form>
        <aside className="split__side">{draw && <DrawResult draw={draw} unitName={unitName} />}</aside>
      </div>
    </section>
  );
}

function DrawResult({ draw, unitName }: { draw: SpotCheck; unitName: (id: string) => string }) {
  const verification = useSubmit();
  const [verdict, setVerdict] = useState<{ ok: boolean; reason?: string } | null>(null);
  const verify = async () => {
    const result = await verification.run(() => api.get<{ ok: boolean; reason?: string }>(`/api/inspections/spot-checks/${draw.id}/verify`));
    if (result) setVerdict(result);
  };
  return (
    <div className="card" data-testid="draw-result">
      <h2>Drawn</h2>
      <ol className="plain numbered">
        {draw.selectedUnitIds.map((u) => <li key={u}>{unitName(u)} <span className="muted">({u})</span></li>)}
      </ol>
      <p>
        Seed hash (SHA-256), committed before the draw:
        <code className="hash" data-testid="seed-hash">{draw.seedHash}</code>
      </p>
      <button type="button" className="button button--secondary" onClick={verify} disabled={verification.busy}>Verify the draw</button>
      {verification.error && <p className="field__error" role="alert">{describeProblem(verification.error.problem)}</p>}
      {verdict && (
        <p>
          {verdict.ok ? <Flag tone="ok">Verified</Flag> : <Flag tone="danger">Does not verify</Flag>} {verdict.ok ? 'Re-running the draw from its seed gives the same units.' : verdict.reason}
        </p>
      )}
    </div>
  );
}
