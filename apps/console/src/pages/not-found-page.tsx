import { Link } from '../router/router';

export function NotFoundPage({ forbidden = false }: { forbidden?: boolean; params?: Record<string, string> }) {
  return (
    <section className="page page--narrow">
      <h1>{forbidden ? 'Not for your role' : 'Page not found'}</h1>
      <p>{forbidden ? 'This page belongs to another role. Use the menu above to find your work.' : 'There is nothing at this address.'}</p>
      <p>
        <Link to="/">Go to your start page</Link>
      </p>
    </section>
  );
}
