import { STATUS_LABELS } from '../vocabulary';

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge badge--${status}`} data-testid="case-status">{STATUS_LABELS[status] ?? status}</span>;
}

export function Flag({ tone, children }: { tone: 'danger' | 'warning' | 'info' | 'ok'; children: string }) {
  return <span className={`flag flag--${tone}`}>{children}</span>;
}
