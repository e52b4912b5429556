import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Directory } from '@rectify/directory';
import { ConcurrencyError, stableUuid } from '@rectify/event-store';
import { CaseRepository } from '../../case-repository';
import type { CaseCommand } from '../../domain/case.commands';
import { OpenCaseCommand } from './open-case.command';

const CASE_ID_NAMESPACE = 'rectify.case-source';
const DAY_MS = 86_400_000;

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
  constructor(
    private readonly cases: CaseRepository,
    private readonly directory: Directory,
  ) {}

  async execute({ input, now, context }: OpenCaseCommand): Promise<OpenedCase> {
    const ref = input.source.ref ?? null;
    const caseId = ref ? stableUuid(CASE_ID_NAMESPACE, `${input.source.kind}:${ref}`) : randomUUID();
    // A fresh random id cannot exist yet; only a sourced opening may meet its own earlier self.
    if (ref) {
      const version = await this.cases.version(caseId, context.db);
      if (version > 0) return { id: caseId, version, created: false };
    }

    // The admin's severity and time limit for the category (DESIGN §3.1), unless the case names its own severity.
    const severity = input.severity ?? (await this.directory.taxonomyLimit(input.category, context.db)).severity;
    const days = await this.directory.timeLimitDays(input.category, severity, context.db);
    const metadata = { now: now.toISOString() };
    const commands: CaseCommand[] = [{
      type: 'OpenCase',
      data: {
        caseId,
        unitId: input.unitId,
        category: input.category,
        title: input.title,
        description: input.description,
        severity,
        source: { kind: input.source.kind, ref },
        cadreIds: input.cadreIds ?? [],
      },
      metadata,
    }];
    if (input.assignToUnit) {
      const deadline = new Date(now.getTime() + days * DAY_MS).toISOString();
      commands.push({ type: 'AssignCase', data: { responsibleUnitId: input.unitId, responsiblePerson: 'unit principal', deadline }, metadata });
    }
    try {
      const result = await this.cases.executeAll(caseId, commands, { ...context, expectedVersion: 0 });
      return { id: caseId, version: result.version, created: true };
    } catch (error) {
      // An HTTP retry raced another opening of the same source: that one wrote the case. Inside
      // a caller's transaction (a Kafka handler) the error must surface: the transaction is void.
      if (error instanceof ConcurrencyError && ref && !context.db) return { id: caseId, version: error.actualVersion, created: false };
      throw error;
    }
  }
}
