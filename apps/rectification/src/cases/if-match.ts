import { CaseError } from './domain/case.errors';

/** `If-Match: "7"` (or W/"7") → 7; absent → undefined (no check); anything else is a 400. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '' || header.trim() === '*') return undefined;
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  if (!match) throw new CaseError('CASE.BAD_IF_MATCH', 400, `If-Match must be a case version such as "3", got ${header}`);
  return Number(match[1]);
}
