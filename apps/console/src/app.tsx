import { type ComponentType, useState } from 'react';
import type { Role } from './api/types';
import { homeOf, NAVIGATION, ROLE_LABELS } from './navigation';
import { UsersPage } from './pages/admin/users-page';
import { SettingsPage } from './pages/admin/settings-page';
import { UnitsPage } from './pages/admin/units-page';
import { OverviewPage } from './pages/analyst/overview-page';
import { ReplayPage, ReplayPickerPage } from './pages/analyst/replay-page';
import { CaseListPage } from './pages/cases/case-list-page';
import { CasePage } from './pages/cases/case-page';
import { CampaignPage } from './pages/evaluations/campaign-page';
import { CampaignsPage } from './pages/evaluations/campaigns-page';
import { ReportsPage } from './pages/evaluations/reports-page';
import { PlanPage } from './pages/inspections/plan-page';
import { PlansPage } from './pages/inspections/plans-page';
import { SpotChecksPage } from './pages/inspections/spot-checks-page';
import { LoginPage } from './pages/login-page';
import { NotFoundPage } from './pages/not-found-page';
import { NoticesPage } from './pages/notices/notices-page';
import { BallotPage } from './pages/public/ballot-page';
import { FileReportPage } from './pages/public/file-report-page';
import { ReportStatusPage } from './pages/public/report-status-page';
import { PublicLayout } from './pages/public/public-layout';
import { Link, matchPath, Redirect, useLocation } from './router/router';
import { DirectoryProvider } from './session/directory';
import { SessionProvider, useSession } from './session/session';

type Params = Record<string, string>;
interface RouteDef {
  path: string;
  page: ComponentType<{ params: Params }>;
  roles?: readonly Role[];
}

const COMMISSION: readonly Role[] = ['inspector', 'admin'];
const READERS: readonly Role[] = ['analyst', 'inspector', 'admin'];

const PUBLIC_ROUTES: RouteDef[] = [
  { path: '/public/ballot', page: BallotPage },
  { path: '/public/report', page: FileReportPage },
  { path: '/public/report-status', page: ReportStatusPage },
];

const ROUTES: RouteDef[] = [
  { path: '/cases', page: CaseListPage },
  { path: '/cases/:id', page: CasePage },
  { path: '/replay', page: ReplayPickerPage, roles: READERS },
  { path: '/replay/:id', page: ReplayPage, roles: READERS },
  { path: '/overview', page: OverviewPage, roles: READERS },
  { path: '/inspections', page: PlansPage, roles: COMMISSION },
  { path: '/inspections/plans/:id', page: PlanPage, roles: COMMISSION },
  { path: '/spot-checks', page: SpotChecksPage, roles: COMMISSION },
  { path: '/campaigns', page: CampaignsPage, roles: COMMISSION },
  { path: '/campaigns/:id', page: CampaignPage, roles: COMMISSION },
  { path: '/reports', page: ReportsPage, roles: COMMISSION },
  { path: '/notices', page: NoticesPage },
  { path: '/admin/units', page: UnitsPage, roles: ['admin'] },
  { path: '/admin/users', page: UsersPage, roles: ['admin'] },
  { path: '/admin/settings', page: SettingsPage, roles: ['admin'] },
];

function find(routes: RouteDef[], path: string): { route: RouteDef; params: Params } | null {
  for (const route of routes) {
    const params = matchPath(route.path, path);
    if (params) return { route, params };
  }
  return null;
}

function Shell() {
  const { user, logout } = useSession();
  const { path } = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);

  const publicMatch = find(PUBLIC_ROUTES, path);
  if (publicMatch) {
    const Page = publicMatch.route.page;
    return (
      <PublicLayout>
        <Page params={publicMatch.params} />
      </PublicLayout>
    );
  }
  if (!user) {
    if (path !== '/login') return <Redirect to={`/login${path === '/' ? '' : `?next=${encodeURIComponent(path + window.location.search)}`}`} />;
    return <LoginPage />;
  }
  if (path === '/' || path === '/login') return <Redirect to={homeOf(user.role)} />;

  const match = find(ROUTES, path);
  const allowed = match && (!match.route.roles || match.route.roles.includes(user.role));
  const Page = match && allowed ? match.route.page : NotFoundPage;
  return (
    <DirectoryProvider>
      <div className="app">
        <header className="topbar">
          <Link to={homeOf(user.role)} className="brand" aria-label="Rectify home">
            <img src="/favicon.svg" alt="" width={28} height={28} />
            <span>Rectify</span>
          </Link>
          <button type="button" className="topbar__menu" aria-expanded={menuOpen} aria-controls="main-nav" onClick={() => setMenuOpen(!menuOpen)}>
            Menu
          </button>
          <nav id="main-nav" className={`mainnav${menuOpen ? ' mainnav--open' : ''}`} aria-label="Main">
            {NAVIGATION[user.role].map((item) => (
              <Link
                key={item.to}
                to={item.to}
                className={path === item.to || path.startsWith(`${item.to}/`) ? 'mainnav__link mainnav__link--active' : 'mainnav__link'}
                aria-current={path === item.to ? 'page' : undefined}
                onClick={() => setMenuOpen(false)}
              >
                {item.label}
              </Link>
            ))}
          </nav>
          <div className="topbar__user">
            <span data-testid="signed-in-as" title={user.unitId ? `unit ${user.unitId}` : undefined}>
              {user.username} · {ROLE_LABELS[user.role]}
            </span>
            <button type="button" className="button button--ghost" onClick={logout}>
              Sign out
            </button>
          </div>
        </header>
        <main className="content">{match && !allowed ? <NotFoundPage forbidden /> : <Page params={match?.params ?? {}} />}</main>
      </div>
    </DirectoryProvider>
  );
}

export function App() {
  return (
    <SessionProvider>
      <Shell />
    </SessionProvider>
  );
}
