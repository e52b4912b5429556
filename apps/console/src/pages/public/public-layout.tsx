import type { ReactNode } from 'react';
import { Link } from '../../router/router';

export function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <div className="app app--public">
      <header className="topbar">
        <Link to="/login" className="brand">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span>Rectify · public service</span>
        </Link>
        <nav className="mainnav mainnav--always" aria-label="Public">
          <Link to="/public/ballot" className="mainnav__link">Rate</Link>
          <Link to="/public/report" className="mainnav__link">Report</Link>
          <Link to="/public/report-status" className="mainnav__link">Follow a report</Link>
        </nav>
      </header>
      <main className="content">{children}</main>
    </div>
  );
}
