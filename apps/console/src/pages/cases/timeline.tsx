import type { TimelineEntry } from '../../api/types';
import { formatDateTime } from '../../ui/format';
import { BASIS_LABELS, eventLabel, humanize } from '../../vocabulary';

// The few data fields worth a line on the timeline; the rest is in the case itself.
const SHOWN = ['responsiblePerson', 'deadline', 'summary', 'note', 'reason', 'outcome', 'basis', 'measure', 'returnCount', 'title', 'rating'];

function details(entry: TimelineEntry): string {
  const parts: string[] = [];
  for (const key of SHOWN) {
    const value = entry.data[key];
    if (value === undefined || value === null || value === '') continue;
    const text =
      key === 'basis' ? BASIS_LABELS[String(value)] ?? String(value)
      : key === 'outcome' || key === 'measure' ? humanize(String(value))
      : typeof value === 'string' && /^\d{4}-\d\d-\d\dT/.test(value) ? formatDateTime(value)
      : String(value);
    parts.push(`${humanize(key)}: ${text}`);
  }
  const measures = entry.data.measures;
  if (Array.isArray(measures)) parts.push(`${measures.length} measure${measures.length === 1 ? '' : 's'}`);
  return parts.join(' · ');
}

function actorOf(entry: TimelineEntry): string {
  const actor = entry.actor;
  if (!actor || !actor.role) return entry.service;
  return `${actor.role}${actor.unitId ? ` (${actor.unitId})` : ''}`;
}

/**
 * Every event about the case from every service, in order. With `atVersion`, events after that
 * version of the case are dimmed and the one that produced it is marked (the replay view).
 */
export function Timeline({ events, atVersion, onPick }: { events: TimelineEntry[]; atVersion?: number; onPick?: (version: number) => void }) {
  const cutoff = atVersion === undefined ? undefined : events.findIndex((e) => e.version === atVersion);
  return (
    <ol className="timeline" data-testid="timeline">
      {events.map((entry, index) => {
        const later = cutoff !== undefined && cutoff >= 0 && index > cutoff;
        const current = entry.version !== undefined && entry.version === atVersion;
        return (
          <li key={index} className={`timeline__item${later ? ' timeline__item--later' : ''}${current ? ' timeline__item--current' : ''}${entry.service !== 'rectification' ? ' timeline__item--foreign' : ''}`}>
            <div className="timeline__head">
              <strong>{eventLabel(entry.type)}</strong>
              {entry.version !== undefined && onPick ? (
                <button type="button" className="linklike" onClick={() => onPick(entry.version!)}>v{entry.version}</button>
              ) : entry.version !== undefined ? (
                <span className="muted">v{entry.version}</span>
              ) : (
                <span className="muted">{entry.service}</span>
              )}
            </div>
            <div className="timeline__meta">
              {formatDateTime(entry.at)} · {actorOf(entry)}
            </div>
            {details(entry) && <div className="timeline__data">{details(entry)}</div>}
          </li>
        );
      })}
    </ol>
  );
}
