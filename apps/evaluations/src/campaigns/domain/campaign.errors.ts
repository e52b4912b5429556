/** Typed domain refusals; the HTTP edge maps `httpStatus` to problem+json (libs/http). */
export class CampaignError extends Error {
  constructor(
    readonly code: string,
    readonly httpStatus: number,
    message: string,
  ) {
    super(message);
    this.name = 'CampaignError';
  }

  static notFound = (id: string) => new CampaignError('CAMPAIGN.NOT_FOUND', 404, `campaign ${id} does not exist`);
  static alreadyExists = (id: string) => new CampaignError('CAMPAIGN.ALREADY_EXISTS', 409, `campaign ${id} already exists`);
  static closed = (id: string) => new CampaignError('CAMPAIGN.CLOSED', 409, `campaign ${id} is closed`);
  static notClosed = (id: string) => new CampaignError('CAMPAIGN.NOT_CLOSED', 409, `campaign ${id} is still open: results are computed when it closes`);
  static invalidWindow = () => new CampaignError('CAMPAIGN.INVALID_WINDOW', 400, 'closesAt must be after opensAt');
  static duplicateTarget = (id: string) => new CampaignError('CAMPAIGN.DUPLICATE_TARGET', 400, `target ${id} is listed twice`);
  static duplicateGroup = (name: string) => new CampaignError('CAMPAIGN.DUPLICATE_GROUP', 400, `respondent group ${name} is listed twice`);
  static unknownGroup = (name: string) => new CampaignError('CAMPAIGN.UNKNOWN_GROUP', 400, `the campaign has no respondent group ${name}`);
  static noPositiveWeight = () => new CampaignError('CAMPAIGN.NO_WEIGHT', 400, 'at least one respondent group needs a weight above 0');
}
