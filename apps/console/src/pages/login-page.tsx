import { type FormEvent, useState } from 'react';
import { homeOf } from '../navigation';
import { Link, navigate, useLocation } from '../router/router';
import { useSession } from '../session/session';
import { Field, FormProblem, SubmitButton } from '../ui/form';
import { useSubmit } from '../ui/use-submit';

const DEMO_USERS = ['inspector', 'inspector2', 'dept-a', 'dept-b', 'dept-county', 'analyst', 'admin'];

export function LoginPage() {
  const { login, endedReason } = useSession();
  const { search } = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const submission = useSubmit();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const user = await submission.run(() => login(username.trim(), password));
    if (!user) return;
    const next = search.get('next');
    // Only same-site paths: never send a person elsewhere after signing in.
    navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : homeOf(user.role), { replace: true });
  };

  return (
    <div className="login">
      <section className="login__card" aria-labelledby="login-title">
        <div className="login__brand">
          <img src="/favicon.svg" alt="" width={40} height={40} />
          <div>
            <h1 id="login-title">Rectify</h1>
            <p>Work-style rectification, from finding to verified solution.</p>
          </div>
        </div>
        {endedReason && <div className="alert alert--info" role="status">{endedReason}</div>}
        <form onSubmit={submit} noValidate>
          <FormProblem submission={submission} shown={['username', 'password']} />
          <Field label="User name" error={submission.fieldError('username')}>
            {(id, describedBy) => (
              <input id={id} name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} aria-describedby={describedBy} autoFocus required />
            )}
          </Field>
          <Field label="Password" error={submission.fieldError('password')}>
            {(id, describedBy) => (
              <input id={id} name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} aria-describedby={describedBy} required />
            )}
          </Field>
          <SubmitButton busy={submission.busy}>Sign in</SubmitButton>
        </form>
        <details className="login__demo">
          <summary>Demo accounts</summary>
          <p>
            Password <code>rectify-demo</code> for {DEMO_USERS.map((u, i) => (
              <span key={u}>
                {i > 0 && ', '}
                <button type="button" className="linklike" onClick={() => setUsername(u)}>{u}</button>
              </span>
            ))}.
          </p>
        </details>
      </section>
      <section className="login__public" aria-labelledby="public-title">
        <h2 id="public-title">For the public — no account needed</h2>
        <ul className="tiles">
          <li>
            <Link to="/public/ballot" className="tile">
              <strong>Rate a department</strong>
              <span>Cast your satisfaction ballot with the one-time code you were given.</span>
            </Link>
          </li>
          <li>
            <Link to="/public/report" className="tile">
              <strong>Report a problem</strong>
              <span>Tell the commission about officials' conduct. You get a receipt code.</span>
            </Link>
          </li>
          <li>
            <Link to="/public/report-status" className="tile">
              <strong>Follow your report</strong>
              <span>Check its status with your receipt code and say whether it was solved.</span>
            </Link>
          </li>
        </ul>
      </section>
    </div>
  );
}
