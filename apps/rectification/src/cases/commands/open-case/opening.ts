import { randomUUID } from 'node:crypto';
import { defaultDays, defaultSeverity } from '@rectify/contracts';
import { stableUuid } from '@rectify/event-store';
import type { CaseCommand } from '../../domain/case.commands';
import type { OpenCaseInput } from './open-case.command';

const CASE_ID_NAMESPACE = 'rectify.case-source';
const DAY_MS = 86_400_000;

/** A sourced case's id is derived from (kind, ref): the same finding always names the same case. */
export function caseIdFor(source: OpenCaseInput['source']): string {
  return source.ref ? stableUuid(CASE_ID_NAMESPACE, `${source.kind}:${source.ref}`) : randomUUID();
}

/** OpenCase, and for sourced cases AssignCase to the unit with the taxonomy's default deadline. */
export function openingCommands(caseId: string, input: OpenCaseInput, now: Date): CaseCommand[] {
  const metadata = { now: now.toISOString() };
  const commands: CaseCommand[] = [{
    type: 'OpenCase',
    data: {
      caseId,
      unitId: input.unitId,
      category: input.category,
      title: input.title,
      description: input.description,
      severity: input.severity ?? defaultSeverity(input.category),
      source: { kind: input.source.kind, ref: input.source.ref ?? null },
      cadreIds: input.cadreIds ?? [],
    },
    metadata,
  }];
  if (input.assignToUnit) {
    const deadline = new Date(now.getTime() + defaultDays(input.category) * DAY_MS).toISOString();
    commands.push({ type: 'AssignCase', data: { responsibleUnitId: input.unitId, responsiblePerson: 'unit principal', deadline }, metadata });
  }
  return commands;
}
