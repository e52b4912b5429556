import type { CaseCommand } from './case.commands';
import { CaseError } from './case.errors';
import type { CaseEvent } from './case.events';
import type { CaseState } from './case.state';

/** Pure: what happens when `command` meets `state`. Throws a CaseError to refuse. */
export function decide(command: CaseCommand, state: CaseState): CaseEvent[] {
  switch (command.type) {
    case 'OpenCase': {
      if (state.status !== 'none') throw CaseError.alreadyOpen(command.data.caseId);
      return [{ type: 'CaseOpened', data: { ...command.data } }];
    }
    case 'AssignCase': {
      if (state.status === 'none') throw CaseError.notFound('(unknown)');
      if (Date.parse(command.data.deadline) <= Date.parse(command.metadata.now)) throw CaseError.deadlineInPast();
      return [{ type: 'CaseAssigned', data: { caseId: state.id, ...command.data } }];
    }
    default:
      return assertNever(command);
  }
}

function assertNever(value: never): never {
  throw new Error(`unhandled command ${JSON.stringify(value)}`);
}
