import { useState } from 'react';
import type { Plan, RecordedVisit } from '../../api/types';
import { Link } from '../../router/router';
import { useDirectory } from '../../session/directory';
import { Flag } from '../../ui/badges';
import { ErrorNotice } from '../../ui/form';
import { formatDateTime } from '../../ui/format';
import { useApi } from '../../ui/use-api';
import { humanize } from '../../vocabulary';
import { VisitForm } from './visit-form';

export function PlanPage({ params }: { params: Record<string, string> }) {
  const { unitName, categoryLabel } = useDirectory();
  const plan = useApi<Plan>(`/api/inspections/plans/${params.id}`);
  const [recorded, setRecorded] = useState<{ visit: RecordedVisit; unitId: string } | null>(null);
  const p = plan.data;

  if (!p) {
    return (
      <section className="page">
        <p className="crumbs"><Link to="/inspections">← Inspections</Link></p>
        <ErrorNotice error={plan.error} what="this plan" />
        {plan.loading && <p className="loading">Loading the plan…</p>}
      </section>
    );
  }
  return (
    <section className="page">
      <p className="crumbs"><Link to="/inspections">← Inspections</Link></p>
      <div className="page__head">
        <h1>{p.title}</h1>
        <div>
          {p.sealed ? <Flag tone="warning">Sealed</Flag> : <Flag tone="info">{humanize(p.mode)}</Flag>}
        </div>
      </div>
      <div className="split">
        <div className="split__main">
          <div className="card">
            <dl className="facts">
              <div><dt>Mode</dt><dd>{humanize(p.mode)}, {humanize(p.scope)}</dd></div>
              <div><dt>Status</dt><dd>{humanize(p.status)}</dd></div>
              <div><dt>Window</dt><dd>{formatDateTime(p.window.from)} – {formatDateTime(p.window.to)}</dd></div>
              <div><dt>Targets</dt><dd>{p.targetUnitIds.map((u) => `${unitName(u)}${p.visitedUnitIds.includes(u) ? ' ✓' : ''}`).join(', ')}</dd></div>
              <div><dt>Checklist</dt><dd>{p.checklist.map(categoryLabel).join('; ')}</dd></div>
              <div><dt>Team</dt><dd>{p.team.length} member{p.team.length === 1 ? '' : 's'}</dd></div>
            </dl>
          </div>
        </div>
        <aside className="split__side">
          <div className="card">
            <h2>Record a visit</h2>
            {recorded && (
              <div className="alert alert--success" role="status" data-testid="visit-recorded">
                <p>
                  Visit to {unitName(recorded.unitId)} recorded.{' '}
                  {recorded.visit.findings.length === 0
                    ? 'No findings.'
                    : `${recorded.visit.findings.length} finding${recorded.visit.findings.length === 1 ? '' : 's'}: ${recorded.visit.findings.map((f) => categoryLabel(f.category)).join(', ')}. A case opens for each in a moment.`}
                </p>
                {recorded.visit.findings.length > 0 && <Link to={`/cases?unitId=${encodeURIComponent(recorded.unitId)}`}>See the unit's cases</Link>}
              </div>
            )}
            <VisitForm
              key={p.visitedUnitIds.join(',')}
              plan={p}
              onRecorded={(visit, unitId) => {
                setRecorded({ visit, unitId });
                void plan.reload();
              }}
            />
          </div>
        </aside>
      </div>
    </section>
  );
}
