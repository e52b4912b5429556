import type { CaseCommand, CaseCommandType } from './case.commands';
import { CaseError } from './case.errors';
import type { CaseEvent } from './case.events';
import { type CaseState, isOpen, type OpenedCase } from './case.state';
import { DAY_MS, evidenceBasisFor } from './case.vocabulary';

/** Where each command may run from; anything else is a 409 naming the current state. */
const ALLOWED_FROM: Readonly<Record<Exclude<CaseCommandType, 'OpenCase'>, readonly string[]>> = {
  AssignCase: ['registered', 'assigned'],
  AcknowledgeCase: ['assigned'],
  SubmitMeasures: ['acknowledged', 'rectifying'],
  ReportProgress: ['rectifying'],
  ReportRectified: ['rectifying'],
  VerifyCase: ['reported', 'verifying'],
  RequestReverification: ['resolved', 'closed'],
  ExtendDeadline: ['assigned', 'acknowledged', 'rectifying'],
  MarkOverdue: ['assigned', 'acknowledged', 'rectifying'],
  RequestLookBack: ['resolved', 'closed'],
  RecordAccountability: ['registered', 'assigned', 'acknowledged', 'rectifying', 'reported', 'verifying', 'resolved', 'closed'],
  // Typical cases are published once the facts are established, also after the case has ended.
  PublishBulletin: ['assigned', 'acknowledged', 'rectifying', 'reported', 'verifying', 'resolved', 'closed'],
  CloseCase: ['resolved'],
  ReopenCase: ['resolved', 'closed'],
  DismissCase: ['registered', 'assigned', 'acknowledged', 'rectifying', 'reported', 'verifying'],
  MergeCase: ['registered', 'assigned', 'acknowledged', 'rectifying', 'reported', 'verifying'],
};

const ESCALATE_TO = ['superior_unit', 'commission'];
const later = (a: string, b: string) => Date.parse(a) > Date.parse(b);

/** Pure: what happens when `command` meets `state`. Throws a CaseError to refuse. */
export function decide(command: CaseCommand, state: CaseState): CaseEvent[] {
  if (command.type === 'OpenCase') {
    if (state.status !== 'none') throw CaseError.alreadyOpen(command.data.caseId);
    return [{ type: 'CaseOpened', data: { ...command.data } }];
  }
  if (state.status === 'none') throw CaseError.notFound('(unknown)');
  // Who may verify is settled before when: the responsible unit is refused in every state.
  if (command.type === 'VerifyCase') assertIndependentVerifier(command.data.verifier, state);
  if (!ALLOWED_FROM[command.type].includes(state.status)) throw CaseError.notAllowedIn(command.type, state.status);
  return decideOnCase(command, state);
}

function decideOnCase(command: Exclude<CaseCommand, { type: 'OpenCase' }>, c: OpenedCase): CaseEvent[] {
  const caseId = c.id;
  const now = command.metadata.now;
  const units = { unitId: c.unitId, responsibleUnitId: c.responsibleUnitId ?? c.unitId };
  switch (command.type) {
    case 'AssignCase': {
      if (!later(command.data.deadline, now)) throw CaseError.deadlineInPast();
      return [{ type: 'CaseAssigned', data: { caseId, ...command.data } }];
    }
    case 'AcknowledgeCase':
      return [{ type: 'CaseAcknowledged', data: { caseId, acknowledgedBy: command.data.by.id } }];
    case 'SubmitMeasures':
      return [{ type: 'MeasuresSubmitted', data: { caseId, measures: command.data.measures } }];
    case 'ReportProgress':
      return [{ type: 'ProgressReported', data: { caseId, note: command.data.note } }];
    case 'ReportRectified':
      // Completion is never taken on the department's word: independent evidence is requested at once.
      return [
        { type: 'RectificationReported', data: { caseId, summary: command.data.summary } },
        { type: 'VerificationRequested', data: { caseId, ...units, category: c.category, purpose: 'verification', basis: evidenceBasisFor(c.source.kind) } },
      ];
    case 'VerifyCase':
      return verify(command.data, c, now);
    case 'RequestReverification':
      return [{ type: 'VerificationRequested', data: { caseId, ...units, category: c.category, purpose: 'verification', basis: command.data.basis } }];
    case 'ExtendDeadline': {
      const current = c.deadline ?? now;
      if (!later(command.data.deadline, now)) throw CaseError.deadlineInPast();
      if (!later(command.data.deadline, current)) throw CaseError.deadlineNotLater(current);
      return [{ type: 'DeadlineExtended', data: { caseId, previousDeadline: current, deadline: command.data.deadline, reason: command.data.reason } }];
    }
    case 'MarkOverdue': {
      if (!c.deadline || later(c.deadline, now)) throw CaseError.notDue('the deadline', c.deadline);
      if (c.overdue) return [];
      const events: CaseEvent[] = [{ type: 'CaseOverdue', data: { caseId, deadline: c.deadline, ...units } }];
      if (!c.escalated) events.push({ type: 'CaseEscalated', data: { caseId, reason: 'overdue', ...units, to: ESCALATE_TO } });
      return events;
    }
    case 'RequestLookBack': {
      if (!c.lookBackAt || later(c.lookBackAt, now)) throw CaseError.notDue('the look-back', c.lookBackAt);
      if (c.lookBackRequested) return [];
      return [{ type: 'VerificationRequested', data: { caseId, ...units, category: c.category, purpose: 'look_back', basis: 're_inspection' } }];
    }
    case 'RecordAccountability':
      return [{ type: 'AccountabilityRecorded', data: { caseId, ...command.data } }];
    case 'PublishBulletin':
      return [{ type: 'CaseBulletinPublished', data: { caseId, unitId: c.unitId, title: c.title, summary: command.data.summary } }];
    case 'CloseCase':
      return [{ type: 'CaseClosed', data: { caseId, note: command.data.note } }];
    case 'ReopenCase':
      if (!later(command.data.deadline, now)) throw CaseError.deadlineInPast();
      return [{ type: 'CaseReopened', data: { caseId, reason: command.data.reason, reopenCount: c.reopenCount + 1, deadline: command.data.deadline } }];
    case 'DismissCase':
      return [{ type: 'CaseDismissed', data: { caseId, reason: command.data.reason } }];
    case 'MergeCase': {
      if (command.data.intoCaseId === caseId) throw CaseError.mergeTarget('a case cannot be merged into itself');
      if (!isOpen(command.data.into.status as CaseState['status'])) {
        throw CaseError.mergeTarget(`case ${command.data.intoCaseId} is ${command.data.into.status}: only an open case can take a merge`);
      }
      return [{ type: 'CaseMerged', data: { caseId, intoCaseId: command.data.intoCaseId } }];
    }
    default:
      return assertNever(command);
  }
}

function assertIndependentVerifier(verifier: { unitId: string | null }, c: OpenedCase): void {
  const responsible = c.responsibleUnitId ?? c.unitId;
  if (verifier.unitId !== null && (verifier.unitId === responsible || verifier.unitId === c.unitId)) {
    throw CaseError.verifierNotIndependent(verifier.unitId);
  }
}

function verify(data: Extract<CaseCommand, { type: 'VerifyCase' }>['data'], c: OpenedCase, now: string): CaseEvent[] {
  const responsible = c.responsibleUnitId ?? c.unitId;
  const verdict = { caseId: c.id, basis: data.basis, note: data.note, verifierId: data.verifier.id, verifierUnitId: data.verifier.unitId };
  const units = { unitId: c.unitId, responsibleUnitId: responsible };
  if (data.outcome === 'passed') {
    const lookBackAt = new Date(Date.parse(now) + data.lookBackDays * DAY_MS).toISOString();
    return [
      { type: 'VerificationPassed', data: verdict },
      { type: 'CaseResolved', data: { caseId: c.id, ...units } },
      { type: 'LookBackScheduled', data: { caseId: c.id, lookBackAt } },
    ];
  }
  const returnCount = c.returnCount + 1;
  const events: CaseEvent[] = [{ type: 'VerificationFailed', data: { ...verdict, returnCount } }];
  if (returnCount === 2) events.push({ type: 'CaseEscalated', data: { caseId: c.id, reason: 'repeated_verification_failure', ...units, to: ESCALATE_TO } });
  return events;
}

function assertNever(value: never): never {
  throw new Error(`unhandled command ${JSON.stringify(value)}`);
}
