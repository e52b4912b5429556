/** `If-Match: "7"` (or W/"7") → 7; absent or `*` → undefined (no check); anything else is a 400. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '' || header.trim() === '*') return undefined;
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  if (!match) throw Object.assign(new Error(`If-Match must be a version such as "3", got ${header}`), { code: 'INSPECTIONS.BAD_IF_MATCH', httpStatus: 400 });
  return Number(match[1]);
}
