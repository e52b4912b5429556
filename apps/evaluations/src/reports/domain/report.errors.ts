/** Typed domain refusals; the HTTP edge maps `httpStatus` to problem+json (libs/http). */
export class ReportError extends Error {
  constructor(
    readonly code: string,
    readonly httpStatus: number,
    message: string,
  ) {
    super(message);
    this.name = 'ReportError';
  }

  /** The same answer for an unknown receipt code and an unknown report: nothing to learn from it. */
  static notFound = () => new ReportError('REPORT.NOT_FOUND', 404, 'no report matches this receipt code');
  static reportNotFound = (id: string) => new ReportError('REPORT.NOT_FOUND', 404, `report ${id} does not exist`);
  static alreadyReceived = (id: string) => new ReportError('REPORT.ALREADY_RECEIVED', 409, `report ${id} already exists`);
  static alreadyTriaged = () => new ReportError('REPORT.ALREADY_TRIAGED', 409, 'the report has already been triaged');
  static triageIncomplete = (detail: string) => new ReportError('REPORT.TRIAGE_INCOMPLETE', 400, detail);
  static feedbackNotOpen = () =>
    new ReportError('REPORT.FEEDBACK_NOT_OPEN', 409, 'feedback can be given once the case is resolved, once per resolution');
  static contactNotConfigured = () =>
    new ReportError('REPORT.CONTACT_NOT_CONFIGURED', 400, 'contact details cannot be stored: contact storage is not configured; submit the report without them');
}
