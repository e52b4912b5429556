/** Typed domain refusals; `field` marks refusals of one request field (rendered as 400 field errors). */
export class PlanError extends Error {
  constructor(
    readonly code: string,
    readonly httpStatus: number,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'PlanError';
  }

  static notFound = (planId: string) => new PlanError('PLAN.NOT_FOUND', 404, `plan ${planId} does not exist`);
  static alreadyExists = (planId: string) => new PlanError('PLAN.ALREADY_EXISTS', 409, `plan ${planId} already exists`);
  static windowNotOrdered = () => new PlanError('PLAN.WINDOW_NOT_ORDERED', 400, 'window.from must be before window.to', 'window.to');
  static windowOver = () => new PlanError('PLAN.WINDOW_OVER', 400, 'window.to is already over', 'window.to');
  static unknownUnit = (unitId: string) => new PlanError('PLAN.UNKNOWN_UNIT', 400, `unit ${unitId} does not exist`, 'targetUnitIds');
  static unitNotTargeted = (unitId: string) => new PlanError('VISIT.UNIT_NOT_TARGETED', 422, `unit ${unitId} is not a target of this plan`, 'unitId');
  static notOnTeam = () => new PlanError('VISIT.NOT_ON_TEAM', 403, 'only a member of the plan team may record its visits');
  static outsideWindow = () => new PlanError('VISIT.OUTSIDE_WINDOW', 422, "arrivedAt is outside the plan's window", 'arrivedAt');
  static arrivalInFuture = () => new PlanError('VISIT.ARRIVAL_IN_FUTURE', 400, 'arrivedAt is in the future', 'arrivedAt');
  static alreadyVisited = (unitId: string) => new PlanError('VISIT.ALREADY_VISITED', 409, `unit ${unitId} has already been visited under this plan`);
  static notOnChecklist = (index: number) =>
    new PlanError('VISIT.CATEGORY_NOT_ON_CHECKLIST', 400, "category is not on the plan's checklist", `observations.${index}.category`);
}
