import { useState } from 'react';
import { query } from '../../api/client';
import type { Overview } from '../../api/types';
import { useDirectory } from '../../session/directory';
import { BarChart } from '../../ui/charts/bar-chart';
import { LineChart } from '../../ui/charts/line-chart';
import { ErrorNotice } from '../../ui/form';
import { formatDate, formatShare } from '../../ui/format';
import { useApi } from '../../ui/use-api';
import { STATUS_LABELS } from '../../vocabulary';

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const percent = (v: number) => formatShare(v);

export function OverviewPage() {
  const { unitName, categoryLabel } = useDirectory();
  const [from, setFrom] = useState(() => isoDay(new Date(Date.now() - 90 * 86_400_000)));
  const [to, setTo] = useState(() => isoDay(new Date(Date.now() + 86_400_000)));
  const overview = useApi<Overview>(`/api/analytics/overview${query({ from: from ? `${from}T00:00:00.000Z` : '', to: to ? `${to}T00:00:00.000Z` : '' })}`, { keepPrevious: true });
  const o = overview.data;

  return (
    <section className="page">
      <div className="page__head">
        <h1>Overview</h1>
      </div>
      <form className="filters" aria-label="Period" onSubmit={(e) => e.preventDefault()}>
        <label>From<input type="date" value={from} onChange={(e) => setFrom(e.target.value)} /></label>
        <label>To<input type="date" value={to} onChange={(e) => setTo(e.target.value)} /></label>
      </form>
      <ErrorNotice error={overview.error} what="the overview" />
      {!o && overview.loading && <p className="loading">Loading…</p>}
      {o && (
        <div data-testid="overview">
          <ul className="kpis">
            <li><span>Cases</span><strong>{o.cases.total}</strong></li>
            <li><span>Median days to resolve</span><strong>{o.cases.medianDaysToResolve === null ? '—' : Math.round(o.cases.medianDaysToResolve * 10) / 10}</strong></li>
            <li><span>Overdue rate</span><strong>{formatShare(o.cases.overdueRate)}</strong></li>
            <li><span>Returned after verification</span><strong>{formatShare(o.cases.returnRate)}</strong></li>
            <li><span>Reopened</span><strong>{formatShare(o.cases.reopenRate)}</strong></li>
            <li><span>Unannounced visits</span><strong>{formatShare(o.inspections.unannouncedShare)}</strong><small>{o.inspections.unannounced} of {o.inspections.visits}</small></li>
          </ul>
          <div className="grid-charts">
            <div className="card">
              <h2>Cases by status</h2>
              <BarChart
                title="Cases by status"
                bars={Object.entries(o.cases.byStatus).filter(([, n]) => n > 0).map(([status, n]) => ({ label: STATUS_LABELS[status] ?? status, value: n }))}
              />
            </div>
            <div className="card">
              <h2>Cases by category</h2>
              <BarChart
                title="Cases by category"
                bars={Object.entries(o.cases.byCategory).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]).map(([code, n]) => ({ label: categoryLabel(code), value: n }))}
              />
            </div>
            <div className="card">
              <h2>Overdue rate by week</h2>
              <LineChart title="Overdue rate by week" points={o.cases.overdueTrend.map((p) => ({ label: formatDate(p.week), value: p.rate }))} format={percent} />
            </div>
            <div className="card">
              <h2>Satisfaction per unit</h2>
              <p className="muted">Satisfied share in each closed campaign, oldest first.</p>
              <BarChart
                title="Satisfied share per unit and campaign"
                max={1}
                format={percent}
                bars={o.satisfaction.flatMap((unit) =>
                  unit.points
                    .filter((p) => p.satisfiedShare !== null)
                    .map((p) => ({ label: `${unitName(unit.unitId)} · ${formatDate(p.closedAt)}`, value: p.satisfiedShare as number, tone: (p.satisfiedShare as number) < 0.6 ? ('danger' as const) : ('ok' as const) })),
                )}
              />
            </div>
          </div>
          {o.cases.byUnit.length > 0 && (
            <div className="card">
              <h2>By unit</h2>
              <table className="table table--cards">
                <thead><tr><th scope="col">Unit</th><th scope="col">Cases</th><th scope="col">Open</th><th scope="col">Overdue</th></tr></thead>
                <tbody>
                  {o.cases.byUnit.map((u) => (
                    <tr key={u.unitId} className={u.overdue > 0 ? 'row--overdue' : undefined}>
                      <td data-label="Unit">{unitName(u.unitId)}</td>
                      <td data-label="Cases">{u.total}</td>
                      <td data-label="Open">{u.open}</td>
                      <td data-label="Overdue">{u.overdue}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
