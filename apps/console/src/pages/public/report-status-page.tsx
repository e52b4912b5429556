import { type FormEvent, useState } from 'react';
import { api } from '../../api/client';
import type { Problem } from '../../api/problem';
import { useLocation } from '../../router/router';
import { Field, FormProblem, SubmitButton } from '../../ui/form';
import { useSubmit } from '../../ui/use-submit';
import { REPORT_STATUS_LABELS } from '../../vocabulary';

const statusProblem = (problem: Problem) =>
  problem.status === 404 ? 'No report matches this receipt code. Check that you typed it exactly as shown when you filed the report.' : null;

export function ReportStatusPage() {
  const { search } = useLocation();
  const [code, setCode] = useState(search.get('code') ?? '');
  const [status, setStatus] = useState<string | null>(null);
  const [checkedCode, setCheckedCode] = useState('');
  const lookup = useSubmit();

  const check = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = code.trim();
    setStatus(null);
    const result = await lookup.run(() => api.get<{ status: string }>(`/api/public/reports/${encodeURIComponent(trimmed)}`));
    if (result) {
      setStatus(result.status);
      setCheckedCode(trimmed);
    }
  };

  const said = lookup.error ? statusProblem(lookup.error.problem) : null;
  return (
    <section className="page page--narrow">
      <h1>Follow your report</h1>
      <form onSubmit={check} noValidate className="card">
        {said ? <div className="alert alert--error" role="alert">{said}</div> : <FormProblem submission={lookup} />}
        <Field label="Receipt code">
          {(id) => <input id={id} value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" spellCheck={false} />}
        </Field>
        <SubmitButton busy={lookup.busy}>Check status</SubmitButton>
      </form>
      {status && (
        <div className="card" data-testid="report-status">
          <h2>Status</h2>
          <p className="status-line">{REPORT_STATUS_LABELS[status] ?? status}</p>
          {status === 'resolved' && <Feedback code={checkedCode} onGiven={setStatus} />}
        </div>
      )}
    </section>
  );
}

function Feedback({ code, onGiven }: { code: string; onGiven: (status: string) => void }) {
  const [solved, setSolved] = useState<'yes' | 'no' | ''>('');
  const [comment, setComment] = useState('');
  const [given, setGiven] = useState(false);
  const submission = useSubmit();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { solved: solved === '' ? undefined : solved === 'yes', ...(comment.trim() ? { comment: comment.trim() } : {}) };
    const result = await submission.run(() => api.post<{ status: string }>(`/api/public/reports/${encodeURIComponent(code)}/feedback`, body));
    if (result) {
      setGiven(true);
      onGiven(result.status);
    }
  };

  if (given) return <div className="alert alert--success" role="status">Thank you. Your answer has been recorded.</div>;
  const conflict = submission.error?.problem.code === 'REPORT.FEEDBACK_NOT_OPEN' ? 'You have already answered for this resolution, or it is not resolved any more.' : null;
  return (
    <form onSubmit={submit} noValidate>
      {conflict ? <div className="alert alert--error" role="alert">{conflict}</div> : <FormProblem submission={submission} shown={['solved', 'comment']} />}
      <fieldset className={`choice${submission.fieldError('solved') ? ' field--invalid' : ''}`}>
        <legend>Is the problem really solved?</legend>
        <label><input type="radio" name="solved" checked={solved === 'yes'} onChange={() => setSolved('yes')} /> Yes, it is solved</label>
        <label><input type="radio" name="solved" checked={solved === 'no'} onChange={() => setSolved('no')} /> No, it is not</label>
        {submission.fieldError('solved') && <p className="field__error" role="alert">Please choose yes or no.</p>}
      </fieldset>
      <Field label="Anything to add? (optional)" error={submission.fieldError('comment')}>
        {(id) => <textarea id={id} rows={3} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />}
      </Field>
      <SubmitButton busy={submission.busy}>Send answer</SubmitButton>
    </form>
  );
}
