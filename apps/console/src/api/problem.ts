/** RFC 9457 problem details as every Rectify service answers errors (DESIGN §6). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code?: string;
  errors?: { field: string; message: string }[];
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
  }

  get status(): number {
    return this.problem.status;
  }

  /** Field errors keyed by the dotted path the server names (`measures.0.owner`). */
  fieldErrors(): Record<string, string> {
    return Object.fromEntries((this.problem.errors ?? []).map((e) => [e.field, plainFieldMessage(e.message)]));
  }
}

export function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && typeof (value as Problem).status === 'number' && typeof (value as Problem).title === 'string';
}

const sentence = (text: string) => {
  const trimmed = text.trim();
  if (!trimmed) return trimmed;
  const capital = trimmed[0].toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
};

/** The problem in words a person understands, for the top of a form or page. */
export function describeProblem(problem: Problem): string {
  if (problem.status === 0) return 'The server could not be reached. Check the connection and try again.';
  if (problem.code === 'EVENT_STORE.CONCURRENCY' || (problem.status === 412)) {
    return 'Someone else changed this record while you were looking at it. It has been reloaded: check it and try again.';
  }
  if (problem.status === 400 && problem.errors?.length) {
    return problem.errors.length === 1 ? 'One field needs attention.' : `${problem.errors.length} fields need attention.`;
  }
  if (problem.status === 401) return problem.code === 'AUTH.INVALID_CREDENTIALS' ? 'Unknown user name or wrong password.' : 'Your session has ended. Please sign in again.';
  if (problem.status === 403) return `Your role may not do this. ${problem.detail ? sentence(problem.detail) : ''}`.trim();
  if (problem.status === 413) return 'That is too much text to send at once. Please shorten it.';
  if (problem.status === 429) return `Too many attempts. ${problem.detail ? sentence(problem.detail) : 'Please wait a moment and try again.'}`;
  if (problem.status >= 500) return 'Something went wrong on the server. Please try again in a moment.';
  return sentence(problem.detail || problem.title);
}

const REWRITES: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/should not be empty|must be a string$|must be an array$/, () => 'This is required.'],
  [/must be longer than or equal to (\d+) characters/, (m) => (m[1] === '1' ? 'This is required.' : `Enter at least ${m[1]} characters.`)],
  [/must be shorter than or equal to (\d+) characters/, (m) => `Use at most ${m[1]} characters.`],
  [/must be one of the following values: (.*)$/, (m) => `Choose one of: ${m[1]}.`],
  [/must be a valid ISO 8601 date string/, () => 'Enter a valid date and time.'],
  [/must be an integer number/, () => 'Enter a whole number.'],
  [/must be a number/, () => 'Enter a number.'],
  [/must be a boolean/, () => 'Choose yes or no.'],
  [/must not be less than (\S+)/, (m) => `Must be at least ${m[1]}.`],
  [/must not be greater than (\S+)/, (m) => `Must be at most ${m[1]}.`],
  [/must be a UUID/, () => 'Enter a valid id.'],
  [/must contain at least (\d+) elements?/, (m) => (m[1] === '1' ? 'Add at least one.' : `Add at least ${m[1]}.`)],
  [/should not exist/, () => 'This field is not accepted here.'],
];

/** class-validator's messages start with the property name; say what to do instead. */
export function plainFieldMessage(message: string): string {
  // The server joins a field's broken constraints with "; ", each starting with the field's name;
  // a custom message may contain "; " itself, so split only where the name starts again.
  const parts = message.split('; ');
  const name = parts[0].split(' ')[0];
  const first = parts.every((part) => part.startsWith(`${name} `)) ? parts[0] : message;
  for (const [pattern, rewrite] of REWRITES) {
    const match = first.match(pattern);
    if (match) return rewrite(match);
  }
  return sentence(first.replace(/^[\w.]+ (?=must|should|is|has)/, ''));
}
