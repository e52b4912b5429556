import { Injectable } from '@nestjs/common';
import type { Queryable } from '@rectify/event-store';
import { CaseRepository } from '../../case-repository';
import type { OpenCaseCommand } from './open-case.command';
import type { OpenedCase } from './open-case.handler';
import { caseIdFor, openingCommands } from './opening';

/**
 * OpenCaseHandler for many commands at once, inside a consumer's transaction: one query for the
 * versions of every case and one INSERT for the events of those to open, instead of two round
 * trips each. Each command has the effect it would have on its own, in order: a case that
 * exists, or that an earlier command of the same call opens, is not opened again.
 */
@Injectable()
export class OpenCasesFromSources {
  constructor(private readonly cases: CaseRepository) {}

  async openAll(commands: readonly OpenCaseCommand[], db: Queryable): Promise<OpenedCase[]> {
    const ids = commands.map(({ input }) => caseIdFor(input.source));
    const versions = await this.cases.versions(ids, db);
    const toOpen = new Map<string, OpenCaseCommand>();
    commands.forEach((command, i) => {
      if (versions.get(ids[i]) === 0 && !toOpen.has(ids[i])) toOpen.set(ids[i], command);
    });
    const opening = [...toOpen].map(([caseId, { input, now, context }]) => ({ caseId, commands: openingCommands(caseId, input, now), context }));
    const opened = await this.cases.openAll(opening, db);
    opening.forEach(({ caseId }, i) => versions.set(caseId, opened[i].version));
    const first = new Set<string>();
    return ids.map((id) => {
      const created = toOpen.has(id) && !first.has(id);
      first.add(id);
      return { id, version: versions.get(id) ?? 0, created };
    });
  }
}
