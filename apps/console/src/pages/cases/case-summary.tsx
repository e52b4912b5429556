import type { CaseView } from '../../api/types';
import { useDirectory } from '../../session/directory';
import { Flag, StatusBadge } from '../../ui/badges';
import { formatDate, formatDateTime } from '../../ui/format';
import { BASIS_LABELS, humanize, SOURCE_LABELS } from '../../vocabulary';

/** A case as it stands (or stood, in the replay view): its facts, measures and verdicts. */
export function CaseSummary({ c }: { c: CaseView }) {
  const { unitName, categoryLabel } = useDirectory();
  return (
    <div className="case-summary" data-testid="case-summary">
      <div className="case-summary__flags">
        <StatusBadge status={c.status} />
        {c.overdue && <Flag tone="danger">Overdue</Flag>}
        {c.escalated && <Flag tone="warning">Escalated</Flag>}
        {c.returnCount > 0 && <Flag tone="warning">{`Returned ${c.returnCount}×`}</Flag>}
        {(c.reopenCount ?? 0) > 0 && <Flag tone="info">{`Reopened ${c.reopenCount}×`}</Flag>}
        <span className="muted">version {c.version}</span>
      </div>
      <dl className="facts">
        <div><dt>Unit</dt><dd>{unitName(c.unitId)}</dd></div>
        <div><dt>Category</dt><dd>{categoryLabel(c.category)}</dd></div>
        <div><dt>Severity</dt><dd>{humanize(c.severity)}</dd></div>
        <div><dt>Source</dt><dd>{SOURCE_LABELS[c.source.kind] ?? c.source.kind}</dd></div>
        <div><dt>Responsible</dt><dd>{c.responsibleUnitId ? `${unitName(c.responsibleUnitId)}${c.responsiblePerson ? ` · ${c.responsiblePerson}` : ''}` : '—'}</dd></div>
        <div><dt>Deadline</dt><dd data-testid="case-deadline">{formatDateTime(c.deadline)}</dd></div>
        <div><dt>Returned</dt><dd data-testid="case-return-count">{c.returnCount === 0 ? 'never' : `${c.returnCount} time${c.returnCount > 1 ? 's' : ''}`}</dd></div>
        <div><dt>Opened</dt><dd>{formatDateTime(c.openedAt)}</dd></div>
        {c.lookBackAt && <div><dt>Look-back</dt><dd>{formatDate(c.lookBackAt)}</dd></div>}
      </dl>
      {c.description && <p className="case-summary__description">{c.description}</p>}
      {c.dismissReason && <p className="alert alert--info">Dismissed: {c.dismissReason}</p>}
      {c.mergedInto && <p className="alert alert--info">Merged into case {c.mergedInto}.</p>}
      <h3>Measures</h3>
      {c.measures.length === 0 ? (
        <p className="muted" data-testid="no-measures">No measures submitted yet.</p>
      ) : (
        <table className="table table--cards table--compact" data-testid="measures">
          <thead>
            <tr><th scope="col">Measure</th><th scope="col">Owner</th><th scope="col">Due</th></tr>
          </thead>
          <tbody>
            {c.measures.map((m, i) => (
              <tr key={i}>
                <td data-label="Measure">{m.description}</td>
                <td data-label="Owner">{m.owner}</td>
                <td data-label="Due">{formatDate(m.dueDate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {c.completionSummary && (
        <>
          <h3>Reported completion</h3>
          <p>{c.completionSummary}</p>
        </>
      )}
      {(c.verifications?.length ?? 0) > 0 && (
        <>
          <h3>Verifications</h3>
          <ul className="plain">
            {c.verifications!.map((v, i) => (
              <li key={i}>
                <Flag tone={v.outcome === 'passed' ? 'ok' : 'danger'}>{v.outcome === 'passed' ? 'Passed' : 'Failed'}</Flag> {BASIS_LABELS[v.basis] ?? v.basis}, {formatDateTime(v.at)}
              </li>
            ))}
          </ul>
        </>
      )}
      {(c.accountability?.length ?? 0) > 0 && (
        <>
          <h3>Accountability</h3>
          <ul className="plain">
            {c.accountability!.map((a, i) => (
              <li key={i}>{humanize(a.measure)}{a.cadreId ? ` — ${a.cadreId}` : ''}: {a.note}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
