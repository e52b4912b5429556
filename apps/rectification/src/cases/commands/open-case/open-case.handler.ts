import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ConcurrencyError } from '@rectify/event-store';
import { CaseRepository } from '../../case-repository';
import { OpenCaseCommand } from './open-case.command';
import { caseIdFor, openingCommands } from './opening';

export interface OpenedCase {
  id: string;
  version: number;
  /** False when the source had already opened this case: nothing was written. */
  created: boolean;
}

/**
 * Opening is idempotent on the source reference: the case id is derived from (kind, ref), so
 * a second opening of the same finding meets an existing stream and writes nothing.
 */
@CommandHandler(OpenCaseCommand)
export class OpenCaseHandler implements ICommandHandler<OpenCaseCommand, OpenedCase> {
  constructor(private readonly cases: CaseRepository) {}

  async execute({ input, now, context }: OpenCaseCommand): Promise<OpenedCase> {
    const ref = input.source.ref ?? null;
    const caseId = caseIdFor(input.source);
    // A fresh random id cannot exist yet; only a sourced opening may meet its own earlier self.
    if (ref) {
      const version = await this.cases.version(caseId, context.db);
      if (version > 0) return { id: caseId, version, created: false };
    }
    try {
      const result = await this.cases.executeAll(caseId, openingCommands(caseId, input, now), { ...context, expectedVersion: 0 });
      return { id: caseId, version: result.version, created: true };
    } catch (error) {
      // An HTTP retry raced another opening of the same source: that one wrote the case. Inside
      // a caller's transaction (a Kafka handler) the error must surface: the transaction is void.
      if (error instanceof ConcurrencyError && ref && !context.db) return { id: caseId, version: error.actualVersion, created: false };
      throw error;
    }
  }
}
