import type { CaseListItem, Page } from '../../api/types';
import { query } from '../../api/client';
import { Link, useLocation, useSearchUpdate } from '../../router/router';
import { CategoryOptions, UnitOptions, useDirectory } from '../../session/directory';
import { useUser } from '../../session/session';
import { Flag, StatusBadge } from '../../ui/badges';
import { ErrorNotice } from '../../ui/form';
import { formatDate } from '../../ui/format';
import { Pager } from '../../ui/pager';
import { useApi } from '../../ui/use-api';
import { CASE_SOURCES, CASE_STATUSES, SOURCE_LABELS, STATUS_LABELS } from '../../vocabulary';
import { OpenCaseForm } from './open-case-form';

const FILTERS = ['unitId', 'status', 'category', 'overdue', 'source'] as const;

export function CaseListPage() {
  const user = useUser();
  const { unitName, categoryLabel } = useDirectory();
  const { search } = useLocation();
  const update = useSearchUpdate();
  const page = Number(search.get('page') ?? 1) || 1;
  const filters = Object.fromEntries(FILTERS.map((f) => [f, search.get(f) ?? ''])) as Record<(typeof FILTERS)[number], string>;
  const list = useApi<Page<CaseListItem>>(`/api/cases${query({ ...filters, page, pageSize: 20 })}`, { refreshMs: 5000 });
  const setFilter = (name: string, value: string) => update({ [name]: value, page: null });
  const isDepartment = user.role === 'department';

  return (
    <section className="page">
      <div className="page__head">
        <h1>{isDepartment ? 'Our cases' : 'Cases'}</h1>
        {(user.role === 'inspector' || user.role === 'admin') && <OpenCaseForm />}
      </div>
      <form className="filters" aria-label="Filter cases" onSubmit={(e) => e.preventDefault()}>
        {!isDepartment && (
          <label>
            Unit
            <select value={filters.unitId} onChange={(e) => setFilter('unitId', e.target.value)}>
              <option value="">All units</option>
              <UnitOptions />
            </select>
          </label>
        )}
        <label>
          Status
          <select value={filters.status} onChange={(e) => setFilter('status', e.target.value)}>
            <option value="">Any status</option>
            {CASE_STATUSES.map((s) => <option key={s} value={s}>{STATUS_LABELS[s]}</option>)}
          </select>
        </label>
        <label>
          Category
          <select value={filters.category} onChange={(e) => setFilter('category', e.target.value)}>
            <option value="">Any category</option>
            <CategoryOptions />
          </select>
        </label>
        <label>
          Deadline
          <select value={filters.overdue} onChange={(e) => setFilter('overdue', e.target.value)}>
            <option value="">Any</option>
            <option value="true">Overdue only</option>
            <option value="false">Not overdue</option>
          </select>
        </label>
        <label>
          Source
          <select value={filters.source} onChange={(e) => setFilter('source', e.target.value)}>
            <option value="">Any source</option>
            {CASE_SOURCES.map((s) => <option key={s} value={s}>{SOURCE_LABELS[s]}</option>)}
          </select>
        </label>
        {FILTERS.some((f) => filters[f]) && (
          <button type="button" className="button button--ghost" onClick={() => update(Object.fromEntries([...FILTERS, 'page'].map((f) => [f, null])))}>
            Clear filters
          </button>
        )}
      </form>
      <ErrorNotice error={list.error} what="the cases" />
      {list.data && (
        <>
          {list.data.items.length === 0 ? (
            <p className="empty">No cases match. {FILTERS.some((f) => filters[f]) ? 'Try clearing the filters.' : ''}</p>
          ) : (
            <table className="table table--cards" data-testid="case-list">
              <thead>
                <tr>
                  <th scope="col">Case</th>
                  <th scope="col">Unit</th>
                  <th scope="col">Category</th>
                  <th scope="col">Status</th>
                  <th scope="col">Deadline</th>
                  <th scope="col">Source</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((c) => (
                  <tr key={c.id} className={c.overdue ? 'row--overdue' : undefined} data-testid="case-row" data-case-id={c.id}>
                    <td data-label="Case">
                      <Link to={`/cases/${c.id}`} className="strong">{c.title}</Link>
                    </td>
                    <td data-label="Unit">{unitName(c.responsibleUnitId ?? c.unitId)}</td>
                    <td data-label="Category">{categoryLabel(c.category)}</td>
                    <td data-label="Status">
                      <StatusBadge status={c.status} />
                    </td>
                    <td data-label="Deadline">
                      {formatDate(c.deadline)} {c.overdue && <Flag tone="danger">Overdue</Flag>}
                    </td>
                    <td data-label="Source">{SOURCE_LABELS[c.source?.kind] ?? c.source?.kind}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Pager page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPage={(p) => update({ page: p })} />
        </>
      )}
      {!list.data && list.loading && <p className="loading">Loading cases…</p>}
    </section>
  );
}
