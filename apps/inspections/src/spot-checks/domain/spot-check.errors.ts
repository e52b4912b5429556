export class SpotCheckError extends Error {
  constructor(
    readonly code: string,
    readonly httpStatus: number,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'SpotCheckError';
  }

  static notFound = (id: string) => new SpotCheckError('SPOT_CHECK.NOT_FOUND', 404, `spot check ${id} does not exist`);
  static emptyPopulation = () => new SpotCheckError('SPOT_CHECK.EMPTY_POPULATION', 400, 'the population has no units', 'population');
  static unknownUnit = (unitId: string) => new SpotCheckError('SPOT_CHECK.UNKNOWN_UNIT', 400, `unit ${unitId} does not exist`, 'population.unitIds');
  static drawPending = (id: string) =>
    new SpotCheckError('SPOT_CHECK.DRAW_PENDING', 409, `spot check ${id} committed its seed but its draw is not recorded (yet): retry shortly, or start a new draw with a new Idempotency-Key if this persists`);
  static sampleTooLarge = (size: number) =>
    new SpotCheckError('SPOT_CHECK.SAMPLE_TOO_LARGE', 400, `sampleSize is larger than the population (${size})`, 'sampleSize');
}
