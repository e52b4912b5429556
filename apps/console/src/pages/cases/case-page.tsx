import { useState } from 'react';
import type { CaseView, TimelineEntry } from '../../api/types';
import { Link } from '../../router/router';
import { useUser } from '../../session/session';
import { ErrorNotice } from '../../ui/form';
import { useApi } from '../../ui/use-api';
import { actionsFor, type CaseAction } from './case-actions';
import { CaseActionForm } from './case-action-form';
import { CaseSummary } from './case-summary';
import { Timeline } from './timeline';

// Cases move on through Kafka after a command (a notice acknowledged, a re-inspection done):
// the page refreshes itself so the person sees it happen.
const REFRESH_MS = 3000;

export function CasePage({ params }: { params: Record<string, string> }) {
  const user = useUser();
  const caseData = useApi<CaseView>(`/api/cases/${params.id}`, { refreshMs: REFRESH_MS });
  const timeline = useApi<{ events: TimelineEntry[] }>(`/api/cases/${params.id}/timeline`, { refreshMs: REFRESH_MS });
  const [active, setActive] = useState<CaseAction | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const c = caseData.data;

  const reload = async () => {
    await Promise.all([caseData.reload(), timeline.reload()]);
  };

  if (caseData.error && !c) {
    return (
      <section className="page">
        <p><Link to="/cases">← Cases</Link></p>
        <ErrorNotice error={caseData.error} what="this case" />
      </section>
    );
  }
  if (!c) return <section className="page"><p className="loading">Loading the case…</p></section>;

  const actions = actionsFor(user.role, c.status);
  // The case moved on (another person, or a service over Kafka) and the open form no longer applies.
  const shownAction = active && actions.some((a) => a.command === active.command) ? active : null;
  return (
    <section className="page">
      <p className="crumbs"><Link to="/cases">← Cases</Link></p>
      <div className="page__head">
        <h1 data-testid="case-title">{c.title}</h1>
        {user.role !== 'department' && <Link to={`/replay/${c.id}`} className="button button--secondary">Replay history</Link>}
      </div>
      <div className="split">
        <div className="split__main">
          <div className="card">
            <CaseSummary c={c} />
          </div>
          <div className="card">
            <h2>Timeline</h2>
            <ErrorNotice error={timeline.error} what="the timeline" />
            {timeline.data && <Timeline events={timeline.data.events} />}
          </div>
        </div>
        <aside className="split__side">
          <div className="card" data-testid="case-actions">
            <h2>Actions</h2>
            {done && <div className="alert alert--success" role="status">{done}</div>}
            {actions.length === 0 && <p className="muted">{idleMessage(user.role, c.status)}</p>}
            {shownAction ? (
              <>
                <h3>{shownAction.label}</h3>
                <CaseActionForm
                  key={shownAction.command}
                  action={shownAction}
                  c={c}
                  onCancel={() => setActive(null)}
                  onDone={(message) => {
                    setActive(null);
                    setDone(message);
                    void reload();
                  }}
                />
              </>
            ) : (
              <div className="action-buttons">
                {actions.map((action) => (
                  <button
                    key={action.command}
                    type="button"
                    className={`button button--${action.tone === 'danger' ? 'danger-outline' : action.tone === 'primary' ? 'primary' : 'secondary'}`}
                    onClick={() => {
                      setDone(null);
                      setActive(action);
                    }}
                  >
                    {action.label}
                  </button>
                ))}
              </div>
            )}
          </div>
        </aside>
      </div>
    </section>
  );
}

function idleMessage(role: string, status: string): string {
  if (role === 'analyst') return 'Analysts read cases; they do not change them.';
  if (status === 'reported' || status === 'verifying') return 'Waiting for independent verification by the commission.';
  return 'Nothing for you to do in this state.';
}
