import { useState } from 'react';
import { query } from '../../api/client';
import type { Page, PlanListItem } from '../../api/types';
import { Link, useLocation, useSearchUpdate } from '../../router/router';
import { useDirectory } from '../../session/directory';
import { Flag } from '../../ui/badges';
import { ErrorNotice } from '../../ui/form';
import { formatDateTime } from '../../ui/format';
import { Pager } from '../../ui/pager';
import { useApi } from '../../ui/use-api';
import { humanize } from '../../vocabulary';
import { PlanForm } from './plan-form';
import { ReinspectionsCard } from './reinspections-card';

export function PlansPage() {
  const { unitName } = useDirectory();
  const { search } = useLocation();
  const update = useSearchUpdate();
  const [planning, setPlanning] = useState(false);
  const page = Number(search.get('page') ?? 1) || 1;
  const mode = search.get('mode') ?? '';
  const list = useApi<Page<PlanListItem>>(`/api/inspections/plans${query({ mode, page, pageSize: 20 })}`);

  return (
    <section className="page">
      <div className="page__head">
        <h1>Inspections</h1>
        {!planning && (
          <button type="button" className="button button--primary" onClick={() => setPlanning(true)}>
            Plan an inspection
          </button>
        )}
      </div>
      {planning && <PlanForm onCancel={() => setPlanning(false)} />}
      <ReinspectionsCard />
      <form className="filters" aria-label="Filter plans" onSubmit={(e) => e.preventDefault()}>
        <label>
          Mode
          <select value={mode} onChange={(e) => update({ mode: e.target.value, page: null })}>
            <option value="">Any mode</option>
            <option value="unannounced">Unannounced</option>
            <option value="announced">Announced</option>
          </select>
        </label>
      </form>
      <ErrorNotice error={list.error} what="the plans" />
      {list.data && (
        <>
          {list.data.items.length === 0 ? (
            <p className="empty">No plans you may see yet.</p>
          ) : (
            <table className="table table--cards">
              <thead>
                <tr><th scope="col">Plan</th><th scope="col">Mode</th><th scope="col">Targets</th><th scope="col">Status</th><th scope="col">Planned</th></tr>
              </thead>
              <tbody>
                {list.data.items.map((p) => (
                  <tr key={p.id}>
                    <td data-label="Plan"><Link to={`/inspections/plans/${p.id}`} className="strong">{p.title}</Link></td>
                    <td data-label="Mode">
                      {humanize(p.mode)} · {humanize(p.scope)} {p.sealed && <Flag tone="warning">Sealed</Flag>}
                    </td>
                    <td data-label="Targets">{p.targetUnitIds.map(unitName).join(', ')}</td>
                    <td data-label="Status">{humanize(p.status)}</td>
                    <td data-label="Planned">{formatDateTime(p.plannedAt)}</td>
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
