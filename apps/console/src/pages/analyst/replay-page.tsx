import { type FormEvent, useState } from 'react';
import type { CaseListItem, CaseView, CrossCheck, Integrity, Page, TimelineEntry } from '../../api/types';
import { Link, navigate } from '../../router/router';
import { Flag } from '../../ui/badges';
import { ErrorNotice } from '../../ui/form';
import { formatDateTime } from '../../ui/format';
import { useApi } from '../../ui/use-api';
import { eventLabel, humanize } from '../../vocabulary';
import { CaseSummary } from '../cases/case-summary';
import { Timeline } from '../cases/timeline';

/** The analyst's replay view: scrub through a case's versions and see it as it stood at each. */
export function ReplayPage({ params }: { params: Record<string, string> }) {
  const current = useApi<CaseView>(`/api/cases/${params.id}`);
  const timeline = useApi<{ events: TimelineEntry[] }>(`/api/cases/${params.id}/timeline`);
  const [picked, setPicked] = useState<number | null>(null);
  const latest = current.data?.version ?? 0;
  const version = picked ?? latest;
  const state = useApi<CaseView>(latest ? `/api/cases/${params.id}/state?version=${version}` : null, { keepPrevious: true });

  if (!current.data) {
    return (
      <section className="page">
        <p className="crumbs"><Link to="/replay">← Replay</Link></p>
        <ErrorNotice error={current.error} what="this case" />
        {current.loading && <p className="loading">Loading…</p>}
      </section>
    );
  }
  const events = timeline.data?.events ?? [];
  const producing = events.find((e) => e.version === version);
  const step = (delta: number) => setPicked(Math.min(latest, Math.max(1, version + delta)));
  const shown = state.data;

  return (
    <section className="page">
      <p className="crumbs"><Link to="/replay">← Replay</Link> · <Link to={`/cases/${params.id}`}>Case page</Link></p>
      <div className="page__head">
        <h1>{current.data.title}</h1>
      </div>
      <div className="card scrubber" data-testid="scrubber">
        <label htmlFor="version-scrubber" className="scrubber__label">
          Version <strong data-testid="scrubber-version">{version}</strong> of {latest}
          {producing && (
            <span className="muted"> — {eventLabel(producing.type)}, {formatDateTime(producing.at)}</span>
          )}
        </label>
        <div className="scrubber__row">
          <button type="button" className="button button--secondary" onClick={() => step(-1)} disabled={version <= 1} aria-label="Previous version">◀</button>
          <input id="version-scrubber" type="range" min={1} max={latest} step={1} value={version} onChange={(e) => setPicked(Number(e.target.value))} aria-valuetext={`version ${version} of ${latest}`} />
          <button type="button" className="button button--secondary" onClick={() => step(1)} disabled={version >= latest} aria-label="Next version">▶</button>
        </div>
      </div>
      <div className="split">
        <div className="split__main">
          <div className={`card${state.loading ? ' card--loading' : ''}`} aria-busy={state.loading}>
            <h2>The case at version {shown?.version ?? version}</h2>
            <ErrorNotice error={state.error} what="the case at this version" />
            {shown && <CaseSummary c={shown} />}
          </div>
          <div className="card">
            <h2>Timeline</h2>
            <p className="muted">Events of other services (no version) are shown where they happened; later events are dimmed.</p>
            <ErrorNotice error={timeline.error} what="the timeline" />
            <Timeline events={events} atVersion={version} onPick={setPicked} />
          </div>
        </div>
        <aside className="split__side">
          <CrossCheckPanel id={params.id} />
          <IntegrityPanel id={params.id} />
        </aside>
      </div>
    </section>
  );
}

const VERDICTS: Record<CrossCheck['verdict'], { tone: 'ok' | 'danger' | 'info'; text: string }> = {
  consistent: { tone: 'ok', text: 'Consistent: independent evidence supports the department.' },
  suspected_paper_rectification: { tone: 'danger', text: 'Suspected paper rectification: independent evidence contradicts the department.' },
  insufficient_evidence: { tone: 'info', text: 'Insufficient evidence so far.' },
};

function CrossCheckPanel({ id }: { id: string }) {
  const check = useApi<CrossCheck>(`/api/cases/${id}/cross-check`);
  const verdict = check.data ? VERDICTS[check.data.verdict] : null;
  return (
    <div className="card" data-testid="cross-check">
      <h2>Cross-check</h2>
      <ErrorNotice error={check.error} what="the cross-check" />
      {check.data && verdict && (
        <>
          <p><Flag tone={verdict.tone}>{humanize(check.data.verdict)}</Flag></p>
          <p>{verdict.text}</p>
          {check.data.evidence.length > 0 && (
            <ul className="plain evidence">
              {check.data.evidence.map((e, i) => (
                <li key={i}>
                  <span className={`dot dot--${e.supportsClaim === null ? 'neutral' : e.supportsClaim ? 'ok' : 'danger'}`} aria-hidden /> {humanize(e.kind)} · {formatDateTime(e.at)}
                  {e.supportsClaim !== null && <span className="muted"> — {e.supportsClaim ? 'supports the claim' : 'contradicts the claim'}</span>}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}

function IntegrityPanel({ id }: { id: string }) {
  const integrity = useApi<Integrity>(`/api/cases/${id}/integrity`);
  const data = integrity.data;
  return (
    <div className="card" data-testid="integrity">
      <h2>Integrity</h2>
      <ErrorNotice error={integrity.error} what="the integrity check" />
      {data &&
        (data.ok ? (
          <p><Flag tone="ok">Intact</Flag> All {data.checked} events of the hash chain check out.</p>
        ) : (
          <p><Flag tone="danger">Tampered</Flag> The hash chain breaks at {JSON.stringify(data.firstBadEvent)} ({data.checked} checked).</p>
        ))}
    </div>
  );
}

export function ReplayPickerPage() {
  const recent = useApi<Page<CaseListItem>>('/api/cases?pageSize=15');
  const [caseId, setCaseId] = useState('');
  const open = (event: FormEvent) => {
    event.preventDefault();
    if (caseId.trim()) navigate(`/replay/${encodeURIComponent(caseId.trim())}`);
  };
  return (
    <section className="page">
      <div className="page__head"><h1>Replay a case</h1></div>
      <p className="lead">See any case as it stood at each step of its history, with the cross-check and the integrity of its log.</p>
      <form onSubmit={open} className="filters" aria-label="Open a case by id">
        <label>
          Case id
          <input value={caseId} onChange={(e) => setCaseId(e.target.value)} placeholder="00000000-0000-…" />
        </label>
        <button type="submit" className="button button--primary">Replay</button>
      </form>
      <h2>Recent cases</h2>
      <ErrorNotice error={recent.error} what="recent cases" />
      <ul className="plain link-list">
        {recent.data?.items.map((c) => (
          <li key={c.id}><Link to={`/replay/${c.id}`}>{c.title}</Link> <span className="muted">· {humanize(c.status)}</span></li>
        ))}
      </ul>
    </section>
  );
}
