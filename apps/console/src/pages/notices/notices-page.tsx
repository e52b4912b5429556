import { useState } from 'react';
import { api, query } from '../../api/client';
import { describeProblem } from '../../api/problem';
import type { Notice, Page } from '../../api/types';
import { Link, useLocation, useSearchUpdate } from '../../router/router';
import { useDirectory } from '../../session/directory';
import { useUser } from '../../session/session';
import { ErrorNotice } from '../../ui/form';
import { formatDateTime } from '../../ui/format';
import { Pager } from '../../ui/pager';
import { useApi } from '../../ui/use-api';
import { useSubmit } from '../../ui/use-submit';
import { NOTICE_LABELS, NOTICE_TYPES } from '../../vocabulary';

export function NoticesPage() {
  const user = useUser();
  const { unitName } = useDirectory();
  const { search } = useLocation();
  const update = useSearchUpdate();
  const page = Number(search.get('page') ?? 1) || 1;
  const unread = search.get('unread') ?? '';
  const type = search.get('type') ?? '';
  const list = useApi<Page<Notice>>(`/api/notices${query({ unread, type, page, pageSize: 20 })}`, { refreshMs: 5000 });
  const isDepartment = user.role === 'department';

  return (
    <section className="page">
      <div className="page__head">
        <h1>{isDepartment ? 'Inbox' : 'Notices'}</h1>
      </div>
      <form className="filters" aria-label="Filter notices" onSubmit={(e) => e.preventDefault()}>
        <label>
          Show
          <select value={unread} onChange={(e) => update({ unread: e.target.value, page: null })}>
            <option value="">All notices</option>
            <option value="true">Not yet acknowledged</option>
            <option value="false">Acknowledged</option>
          </select>
        </label>
        <label>
          Type
          <select value={type} onChange={(e) => update({ type: e.target.value, page: null })}>
            <option value="">Any type</option>
            {NOTICE_TYPES.map((t) => <option key={t} value={t}>{NOTICE_LABELS[t]}</option>)}
          </select>
        </label>
      </form>
      <ErrorNotice error={list.error} what="the notices" />
      {list.data && (
        <>
          {list.data.items.length === 0 ? (
            <p className="empty">No notices here.</p>
          ) : (
            <ul className="notice-list" data-testid="notice-list">
              {list.data.items.map((notice) => (
                <NoticeItem key={notice.id} notice={notice} showUnit={!isDepartment} unitName={unitName} onChange={list.reload} />
              ))}
            </ul>
          )}
          <Pager page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPage={(p) => update({ page: p })} />
        </>
      )}
      {!list.data && list.loading && <p className="loading">Loading notices…</p>}
    </section>
  );
}

function NoticeItem({ notice, showUnit, unitName, onChange }: { notice: Notice; showUnit: boolean; unitName: (id: string) => string; onChange: () => Promise<void> }) {
  const user = useUser();
  const submission = useSubmit();
  const [acknowledgedAt, setAcknowledgedAt] = useState(notice.acknowledgedAt ?? null);
  const acknowledge = async () => {
    const result = await submission.run(() => api.post<{ acknowledgedAt: string }>(`/api/notices/${notice.id}/acknowledge`));
    if (result) {
      setAcknowledgedAt(result.acknowledgedAt);
      void onChange();
    }
  };
  const seen = acknowledgedAt ?? notice.acknowledgedAt;
  return (
    <li className={`notice${seen ? '' : ' notice--unread'}`} data-testid="notice" data-notice-id={notice.id} data-case-id={notice.caseId}>
      <div className="notice__main">
        <span className={`notice__type notice__type--${notice.type}`}>{NOTICE_LABELS[notice.type] ?? notice.type}</span>
        <strong className="notice__title">{notice.title}</strong>
        <span className="notice__meta">
          {formatDateTime(notice.createdAt)}
          {showUnit && ` · ${unitName(notice.unitId)}`}
          {notice.caseId && (
            <>
              {' · '}
              <Link to={`/cases/${notice.caseId}`}>Open the case</Link>
            </>
          )}
        </span>
        {submission.error && <span className="field__error" role="alert">{describeProblem(submission.error.problem)}</span>}
      </div>
      <div className="notice__side">
        {seen ? (
          <span className="muted" data-testid="acknowledged">Acknowledged {formatDateTime(seen)}</span>
        ) : user.role !== 'analyst' ? (
          <button type="button" className="button button--primary" disabled={submission.busy} onClick={acknowledge}>
            {submission.busy ? 'Working…' : 'Acknowledge'}
          </button>
        ) : (
          <span className="muted">Not acknowledged</span>
        )}
      </div>
    </li>
  );
}
