import { type ReactNode, useEffect, useId, useRef } from 'react';
import { describeProblem } from '../api/problem';
import type { Submission } from './use-submit';

/** A labelled control with its error underneath; the control gets the id through `children(id)`. */
export function Field({ label, error, hint, children }: { label: string; error?: string; hint?: string; children: (id: string, describedBy?: string) => ReactNode }) {
  const id = useId();
  const noteId = `${id}-note`;
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children(id, error || hint ? noteId : undefined)}
      {error ? (
        <p className="field__error" id={noteId} role="alert">{error}</p>
      ) : hint ? (
        <p className="field__hint" id={noteId}>{hint}</p>
      ) : null}
    </div>
  );
}

/**
 * The form's error in words at the top; field errors the form does not show next to a control
 * (`shown` lists those it does) are listed here so nothing the server said is lost.
 */
export function FormProblem({ submission, shown = [] }: { submission: Submission; shown?: string[] }) {
  const { error } = submission;
  const alert = useRef<HTMLDivElement>(null);
  // The submit button is at the bottom of the form: bring the explanation into view.
  useEffect(() => {
    if (error) alert.current?.focus();
  }, [error]);
  if (!error) return null;
  const unshown = (error.problem.errors ?? []).filter((e) => !shown.some((field) => e.field === field || e.field.startsWith(`${field}.`)));
  const fields = error.fieldErrors();
  return (
    <div className="alert alert--error" role="alert" data-testid="form-error" ref={alert} tabIndex={-1}>
      <p>{describeProblem(error.problem)}</p>
      {unshown.length > 0 && (
        <ul>
          {unshown.map((e) => (
            <li key={e.field}>
              <strong>{e.field}</strong>: {fields[e.field]}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function ErrorNotice({ error, what }: { error: { problem: Parameters<typeof describeProblem>[0] } | null; what?: string }) {
  if (!error) return null;
  return (
    <div className="alert alert--error" role="alert">
      {what && <p><strong>Could not load {what}.</strong></p>}
      <p>{describeProblem(error.problem)}</p>
    </div>
  );
}

export function SubmitButton({ busy, children, variant = 'primary' }: { busy: boolean; children: ReactNode; variant?: 'primary' | 'secondary' | 'danger' }) {
  return (
    <button type="submit" className={`button button--${variant}`} disabled={busy} aria-busy={busy}>
      {busy ? 'Working…' : children}
    </button>
  );
}
