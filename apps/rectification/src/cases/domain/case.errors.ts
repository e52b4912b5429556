/** Typed domain refusals; the HTTP edge maps `httpStatus` to problem+json (libs/http). */
export class CaseError extends Error {
  constructor(
    readonly code: string,
    readonly httpStatus: number,
    message: string,
    /** The request field the refusal is about, named in the problem's `errors`. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'CaseError';
  }

  static alreadyOpen = (caseId: string) => new CaseError('CASE.ALREADY_OPEN', 409, `case ${caseId} is already open`);
  static notFound = (caseId: string) => new CaseError('CASE.NOT_FOUND', 404, `case ${caseId} does not exist`);
  static notAllowedIn = (command: string, status: string) =>
    new CaseError('CASE.TRANSITION_NOT_ALLOWED', 409, `${command} is not allowed while the case is ${status}`);
  static deadlineInPast = () => new CaseError('CASE.DEADLINE_IN_PAST', 400, 'deadline must be in the future');
  static deadlineNotLater = (current: string) =>
    new CaseError('CASE.DEADLINE_NOT_LATER', 400, `deadline must be later than the current deadline ${current}`);
  static verifierNotIndependent = (unitId: string) =>
    new CaseError('CASE.VERIFIER_NOT_INDEPENDENT', 403, `a verifier from the responsible unit ${unitId} may not verify its own case`);
  static notDue = (what: string, at: string | null) => new CaseError('CASE.NOT_DUE', 409, `${what} is not due yet (due ${at ?? 'never'})`);
  static mergeTarget = (detail: string) => new CaseError('CASE.MERGE_TARGET_INVALID', 409, detail);
  static unknownUnit = (field: string, unitId: string) =>
    new CaseError('CASE.UNKNOWN_UNIT', 400, `no unit "${unitId}" in the directory`, field);
  static forbidden = (detail: string) => new CaseError('CASE.FORBIDDEN', 403, detail);
}
