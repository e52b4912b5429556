/** Typed domain refusals; the HTTP edge maps `httpStatus` to problem+json (libs/http). */
export class CaseError extends Error {
  constructor(
    readonly code: string,
    readonly httpStatus: number,
    message: string,
  ) {
    super(message);
    this.name = 'CaseError';
  }

  static alreadyOpen = (caseId: string) => new CaseError('CASE.ALREADY_OPEN', 409, `case ${caseId} is already open`);
  static notFound = (caseId: string) => new CaseError('CASE.NOT_FOUND', 404, `case ${caseId} does not exist`);
  static notAllowedIn = (command: string, status: string) =>
    new CaseError('CASE.TRANSITION_NOT_ALLOWED', 409, `${command} is not allowed while the case is ${status}`);
  static deadlineInPast = () => new CaseError('CASE.DEADLINE_IN_PAST', 400, 'deadline must be in the future');
}
