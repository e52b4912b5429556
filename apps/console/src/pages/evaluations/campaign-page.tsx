import { type FormEvent, useState } from 'react';
import { api } from '../../api/client';
import type { Campaign, CampaignResults } from '../../api/types';
import { Link } from '../../router/router';
import { useDirectory } from '../../session/directory';
import { Flag } from '../../ui/badges';
import { ErrorNotice, Field, FormProblem, SubmitButton } from '../../ui/form';
import { formatDateTime, formatShare } from '../../ui/format';
import { useApi } from '../../ui/use-api';
import { useSubmit } from '../../ui/use-submit';

export function CampaignPage({ params }: { params: Record<string, string> }) {
  const { unitName } = useDirectory();
  const campaign = useApi<Campaign>(`/api/evaluations/campaigns/${params.id}`);
  const c = campaign.data;
  const results = useApi<CampaignResults>(c?.status === 'closed' ? `/api/evaluations/campaigns/${params.id}/results` : null);

  if (!c) {
    return (
      <section className="page">
        <p className="crumbs"><Link to="/campaigns">← Evaluations</Link></p>
        <ErrorNotice error={campaign.error} what="this campaign" />
        {campaign.loading && <p className="loading">Loading…</p>}
      </section>
    );
  }
  const issued = Object.entries(c.tokensIssued ?? {});
  return (
    <section className="page">
      <p className="crumbs"><Link to="/campaigns">← Evaluations</Link></p>
      <div className="page__head">
        <h1>{c.title}</h1>
        {c.status === 'open' ? <Flag tone="info">Open</Flag> : <Flag tone="ok">Closed</Flag>}
      </div>
      <div className="split">
        <div className="split__main">
          <div className="card">
            <dl className="facts">
              <div><dt>Window</dt><dd>{formatDateTime(c.opensAt)} – {formatDateTime(c.closesAt)}</dd></div>
              <div><dt>Rates</dt><dd>{c.targets.map((t) => (t.kind === 'unit' ? unitName(t.id) : t.id)).join(', ')}</dd></div>
              <div><dt>Groups</dt><dd>{c.groups.map((g) => `${g.name} (weight ${g.weight})`).join(', ')}</dd></div>
              <div><dt>Breach when</dt><dd>unsatisfied above {formatShare(c.rules.unsatisfiedAbove)} or satisfied below {formatShare(c.rules.satisfiedBelow)}, with at least {c.rules.minBallots} ballots</dd></div>
              <div><dt>Tokens issued</dt><dd>{issued.length ? issued.map(([g, n]) => `${g}: ${n}`).join(', ') : 'none yet'}</dd></div>
              {c.closedAt && <div><dt>Closed</dt><dd>{formatDateTime(c.closedAt)}</dd></div>}
            </dl>
          </div>
          {c.status === 'closed' && (
            <div className="card">
              <h2>Results</h2>
              <ErrorNotice error={results.error} what="the results" />
              {results.data && <ResultsTable results={results.data} unitName={unitName} />}
            </div>
          )}
        </div>
        {c.status === 'open' && (
          <aside className="split__side">
            <TokensCard campaign={c} onIssued={campaign.reload} />
            <CloseCard campaign={c} onClosed={campaign.reload} />
          </aside>
        )}
      </div>
    </section>
  );
}

function TokensCard({ campaign, onIssued }: { campaign: Campaign; onIssued: () => Promise<void> }) {
  const [group, setGroup] = useState(campaign.groups[0]?.name ?? '');
  const [count, setCount] = useState('10');
  const [tokens, setTokens] = useState<string[] | null>(null);
  const submission = useSubmit();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await submission.run(() => api.post<{ tokens: string[] }>(`/api/evaluations/campaigns/${campaign.id}/tokens`, { group, count: Number(count) }));
    if (result) {
      setTokens(result.tokens);
      void onIssued();
    }
  };
  return (
    <div className="card">
      <h2>Ballot tokens</h2>
      <form onSubmit={submit} noValidate aria-label="Issue tokens">
        <FormProblem submission={submission} shown={['group', 'count']} />
        <div className="grid2 grid2--tight">
          <Field label="Group" error={submission.fieldError('group')}>
            {(id) => (
              <select id={id} value={group} onChange={(e) => setGroup(e.target.value)}>
                {campaign.groups.map((g) => <option key={g.name} value={g.name}>{g.name}</option>)}
              </select>
            )}
          </Field>
          <Field label="How many" error={submission.fieldError('count')}>
            {(id) => <input id={id} type="number" min={1} max={5000} value={count} onChange={(e) => setCount(e.target.value)} />}
          </Field>
        </div>
        <SubmitButton busy={submission.busy}>Issue tokens</SubmitButton>
      </form>
      {tokens && (
        <div className="alert alert--warning" role="status">
          <p><strong>Shown this once.</strong> Copy or print them now: the service keeps only their hashes.</p>
          <textarea className="tokens" readOnly rows={Math.min(10, tokens.length)} value={tokens.join('\n')} data-testid="issued-tokens" aria-label="Issued tokens" />
          <button type="button" className="button button--secondary" onClick={() => void navigator.clipboard?.writeText(tokens.join('\n'))}>Copy all</button>
        </div>
      )}
    </div>
  );
}

function CloseCard({ campaign, onClosed }: { campaign: Campaign; onClosed: () => Promise<void> }) {
  const [confirming, setConfirming] = useState(false);
  const submission = useSubmit();
  const close = async () => {
    const result = await submission.run(() => api.post(`/api/evaluations/campaigns/${campaign.id}/close`, undefined, { ifMatch: campaign.version }));
    if (result) void onClosed();
  };
  return (
    <div className="card">
      <h2>Close the campaign</h2>
      <FormProblem submission={submission} />
      <p className="muted">Closing stops ballots and computes the results; a unit in breach gets a case.</p>
      {confirming ? (
        <div className="actions">
          <button type="button" className="button button--ghost" onClick={() => setConfirming(false)}>Keep it open</button>
          <button type="button" className="button button--danger" disabled={submission.busy} onClick={close}>Yes, close it now</button>
        </div>
      ) : (
        <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>Close campaign…</button>
      )}
    </div>
  );
}

function ResultsTable({ results, unitName }: { results: CampaignResults; unitName: (id: string) => string }) {
  return (
    <>
      <p>{results.ballots} ballot{results.ballots === 1 ? '' : 's'} in total.</p>
      <table className="table table--cards" data-testid="campaign-results">
        <thead>
          <tr><th scope="col">Rank</th><th scope="col">Target</th><th scope="col">Ballots</th><th scope="col">Satisfied</th><th scope="col">Unsatisfied</th><th scope="col">Verdict</th></tr>
        </thead>
        <tbody>
          {results.targets.map((t) => (
            <tr key={t.targetId} className={t.breach ? 'row--overdue' : undefined}>
              <td data-label="Rank">{t.rank ?? '—'}</td>
              <td data-label="Target">{t.targetKind === 'unit' ? unitName(t.targetId) : t.targetId}</td>
              <td data-label="Ballots">{t.ballots}</td>
              <td data-label="Satisfied">{formatShare(t.satisfiedShare)}</td>
              <td data-label="Unsatisfied">{formatShare(t.unsatisfiedShare)}</td>
              <td data-label="Verdict">
                {t.breach ? <Flag tone="danger">Breach</Flag> : t.insufficientSample ? <Flag tone="info">Too few ballots</Flag> : <Flag tone="ok">Within rules</Flag>}
                {t.repeatedBreach && <Flag tone="danger">Second breach in a row</Flag>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
