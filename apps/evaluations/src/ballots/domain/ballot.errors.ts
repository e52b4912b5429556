/** Why a ballot was refused; each refusal writes nothing (the token stays as it was). */
export class BallotError extends Error {
  constructor(
    readonly code: string,
    readonly httpStatus: number,
    message: string,
  ) {
    super(message);
    this.name = 'BallotError';
  }

  static unknownToken = () => new BallotError('BALLOT.TOKEN_UNKNOWN', 404, 'this ballot token is not valid');
  static tokenUsed = () => new BallotError('BALLOT.TOKEN_USED', 409, 'this ballot token has already been used');
  static campaignNotOpen = () => new BallotError('BALLOT.CAMPAIGN_NOT_OPEN', 409, 'the campaign is not accepting ballots');
  static notATarget = (targetId: string) => new BallotError('BALLOT.NOT_A_TARGET', 422, `${targetId} is not rated in this campaign`);
  static notOnScale = (targetId: string, rating: string) =>
    new BallotError('BALLOT.RATING_NOT_ON_SCALE', 422, `${rating} is not a rating for ${targetId}`);
  static duplicateTarget = (targetId: string) => new BallotError('BALLOT.DUPLICATE_TARGET', 422, `${targetId} is rated twice`);
}
