import { useState } from 'react';
import { query } from '../../api/client';
import type { CampaignListItem, Page } from '../../api/types';
import { Link, useLocation, useSearchUpdate } from '../../router/router';
import { Flag } from '../../ui/badges';
import { ErrorNotice } from '../../ui/form';
import { formatDate } from '../../ui/format';
import { Pager } from '../../ui/pager';
import { useApi } from '../../ui/use-api';
import { CampaignForm } from './campaign-form';

export function CampaignsPage() {
  const { search } = useLocation();
  const update = useSearchUpdate();
  const [creating, setCreating] = useState(false);
  const page = Number(search.get('page') ?? 1) || 1;
  const status = search.get('status') ?? '';
  const list = useApi<Page<CampaignListItem>>(`/api/evaluations/campaigns${query({ status, page, pageSize: 20 })}`);

  return (
    <section className="page">
      <div className="page__head">
        <h1>Evaluation campaigns</h1>
        {!creating && <button type="button" className="button button--primary" onClick={() => setCreating(true)}>New campaign</button>}
      </div>
      {creating && <CampaignForm onCancel={() => setCreating(false)} />}
      <form className="filters" aria-label="Filter campaigns" onSubmit={(e) => e.preventDefault()}>
        <label>
          Status
          <select value={status} onChange={(e) => update({ status: e.target.value, page: null })}>
            <option value="">Open and closed</option>
            <option value="open">Open</option>
            <option value="closed">Closed</option>
          </select>
        </label>
      </form>
      <ErrorNotice error={list.error} what="the campaigns" />
      {list.data && (
        <>
          {list.data.items.length === 0 ? (
            <p className="empty">No campaigns yet.</p>
          ) : (
            <table className="table table--cards">
              <thead>
                <tr><th scope="col">Campaign</th><th scope="col">Status</th><th scope="col">Window</th><th scope="col">Targets</th><th scope="col">Tokens</th><th scope="col">Ballots</th></tr>
              </thead>
              <tbody>
                {list.data.items.map((c) => (
                  <tr key={c.id}>
                    <td data-label="Campaign"><Link to={`/campaigns/${c.id}`} className="strong">{c.title}</Link></td>
                    <td data-label="Status">
                      {c.status === 'open' ? <Flag tone="info">Open</Flag> : <Flag tone="ok">Closed</Flag>} {c.breaches > 0 && <Flag tone="danger">{`${c.breaches} breach${c.breaches === 1 ? '' : 'es'}`}</Flag>}
                    </td>
                    <td data-label="Window">{formatDate(c.opensAt)} – {formatDate(c.closesAt)}</td>
                    <td data-label="Targets">{c.targets}</td>
                    <td data-label="Tokens">{c.tokensIssued}</td>
                    <td data-label="Ballots">{c.ballots ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Pager page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPage={(p) => update({ page: p })} />
        </>
      )}
    </section>
  );
}
