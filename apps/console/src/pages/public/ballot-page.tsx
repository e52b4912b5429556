import { type FormEvent, useState } from 'react';
import { api } from '../../api/client';
import type { Problem } from '../../api/problem';
import { Field, FormProblem, SubmitButton } from '../../ui/form';
import { useSubmit } from '../../ui/use-submit';
import { CADRE_RATINGS, humanize, UNIT_RATINGS } from '../../vocabulary';

interface RatingRow {
  targetId: string;
  rating: string;
  comment: string;
}

const emptyRow = (): RatingRow => ({ targetId: '', rating: '', comment: '' });

/** The ballot service's refusals, said to a member of the public. */
function refusal(problem: Problem): string | null {
  switch (problem.code) {
    case 'BALLOT.TOKEN_USED':
      return 'This code has already been used. Each code casts one ballot, once, so this ballot was not counted.';
    case 'BALLOT.TOKEN_UNKNOWN':
      return 'This code is not valid. Check that you typed it exactly as printed on your card.';
    case 'BALLOT.CAMPAIGN_NOT_OPEN':
      return 'This evaluation is not accepting ballots at the moment.';
    case 'BALLOT.NOT_A_TARGET':
      return `${problem.detail.replace('campaign', 'evaluation')}. Check the id printed on your card.`;
    case 'BALLOT.DUPLICATE_TARGET':
      return 'You rated the same unit twice. Rate each one once.';
    case 'BALLOT.RATING_NOT_ON_SCALE':
      return 'Units are rated satisfied/basically satisfied/unsatisfied, officials competent/basically competent/incompetent. Pick the matching scale.';
    default:
      return null;
  }
}

export function BallotPage() {
  const [token, setToken] = useState('');
  const [rows, setRows] = useState<RatingRow[]>([emptyRow()]);
  const [accepted, setAccepted] = useState(false);
  const submission = useSubmit();

  const update = (index: number, change: Partial<RatingRow>) => setRows(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ratings = rows.map((r) => ({ targetId: r.targetId.trim(), rating: r.rating, ...(r.comment.trim() ? { comment: r.comment.trim() } : {}) }));
    const result = await submission.run(() => api.post('/api/public/ballots', { token: token.trim(), ratings }));
    if (result) setAccepted(true);
  };

  if (accepted) {
    return (
      <section className="page page--narrow">
        <h1>Thank you</h1>
        <div className="alert alert--success" role="status" data-testid="ballot-accepted">
          Your ballot was counted. It is stored without your name, phone number or address.
        </div>
        <button type="button" className="button button--secondary" onClick={() => { setAccepted(false); setToken(''); setRows([emptyRow()]); }}>
          Cast another ballot
        </button>
      </section>
    );
  }

  const said = submission.error ? refusal(submission.error.problem) : null;
  return (
    <section className="page page--narrow">
      <h1>Rate a department</h1>
      <p className="lead">Use the one-time code from your ballot card. Your ballot is anonymous: no name, phone number or address is kept.</p>
      <form onSubmit={submit} noValidate className="card">
        {said ? (
          <div className="alert alert--error" role="alert" data-testid="form-error">{said}</div>
        ) : (
          <FormProblem submission={submission} shown={['token', 'ratings']} />
        )}
        <Field label="Ballot code" error={submission.fieldError('token')} hint="The code printed on your card, e.g. 3f9c…">
          {(id, describedBy) => <input id={id} name="token" value={token} onChange={(e) => setToken(e.target.value)} aria-describedby={describedBy} autoComplete="off" spellCheck={false} />}
        </Field>
        {rows.map((row, index) => (
          <fieldset key={index} className="subform">
            <legend>Rating {rows.length > 1 ? index + 1 : ''}</legend>
            <Field label="Unit or official to rate" error={submission.fieldError(`ratings.${index}.targetId`)} hint="The id printed on your card, e.g. unit-a">
              {(id, describedBy) => <input id={id} value={row.targetId} onChange={(e) => update(index, { targetId: e.target.value })} aria-describedby={describedBy} />}
            </Field>
            <Field label="Your rating" error={submission.fieldError(`ratings.${index}.rating`)}>
              {(id, describedBy) => (
                <select id={id} value={row.rating} onChange={(e) => update(index, { rating: e.target.value })} aria-describedby={describedBy}>
                  <option value="">Choose…</option>
                  <optgroup label="A unit">
                    {UNIT_RATINGS.map((r) => <option key={r} value={r}>{humanize(r)}</option>)}
                  </optgroup>
                  <optgroup label="An official">
                    {CADRE_RATINGS.map((r) => <option key={r} value={r}>{humanize(r)}</option>)}
                  </optgroup>
                </select>
              )}
            </Field>
            <Field label="Comment (optional)" error={submission.fieldError(`ratings.${index}.comment`)}>
              {(id) => <textarea id={id} rows={2} maxLength={500} value={row.comment} onChange={(e) => update(index, { comment: e.target.value })} />}
            </Field>
            {rows.length > 1 && (
              <button type="button" className="button button--ghost" onClick={() => setRows(rows.filter((_r, i) => i !== index))}>
                Remove this rating
              </button>
            )}
          </fieldset>
        ))}
        <div className="actions">
          <button type="button" className="button button--secondary" onClick={() => setRows([...rows, emptyRow()])}>
            Rate another
          </button>
          <SubmitButton busy={submission.busy}>Cast ballot</SubmitButton>
        </div>
      </form>
    </section>
  );
}
