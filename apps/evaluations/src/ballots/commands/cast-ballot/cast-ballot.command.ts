import type { CastBallotDto } from './cast-ballot.dto';

/** Deliberately without an actor or request id: nothing about the caster travels with a ballot. */
export class CastBallotCommand {
  constructor(
    readonly input: CastBallotDto,
    readonly now: Date,
  ) {}
}
