import * as contracts from '@rectify/contracts';
import { parseData } from '@rectify/messaging';
import type { CaseCommand } from './domain/case.commands';
import { decide } from './domain/case.decide';
import type { CaseEvent, CaseEventType } from './domain/case.events';
import { evolve } from './domain/case.evolve';
import { type CaseState, initialCaseState } from './domain/case.state';

/**
 * The relay publishes each stored event's data as the envelope's data, and consumers validate
 * it with whitelist + forbidNonWhitelisted: every event the domain produces must pass its V1.
 */
const caseId = '6f1c1f7e-51a4-4a39-9d0b-1a2b3c4d5e6f';
const otherId = '7f1c1f7e-51a4-4a39-9d0b-1a2b3c4d5e6f';
const at = (day: number) => new Date(Date.UTC(2026, 2, 1 + day)).toISOString();
const cmd = (type: CaseCommand['type'], data: object, day = 0) => ({ type, data, metadata: { now: at(day) } }) as CaseCommand;
const inspector = { id: 'u-1', role: 'inspector', unitId: null };

const script: CaseCommand[] = [
  cmd('OpenCase', { caseId, unitId: 'unit-a', category: 'FORMALISM', title: 't', description: 'd', severity: 'serious', source: { kind: 'public_report', ref: 'r-1' }, cadreIds: ['c-1'] }),
  cmd('AssignCase', { responsibleUnitId: 'unit-a', responsiblePerson: 'Wang', deadline: at(15) }),
  cmd('AcknowledgeCase', { by: { id: 'd-1', role: 'department', unitId: 'unit-a' } }),
  cmd('SubmitMeasures', { measures: [{ description: 'm', owner: 'Li', dueDate: at(10) }] }),
  cmd('ReportProgress', { note: 'half' }),
  cmd('ExtendDeadline', { deadline: at(20), reason: 'flood' }),
  cmd('MarkOverdue', {}, 21),
  cmd('ReportRectified', { summary: 'done' }, 22),
  cmd('VerifyCase', { outcome: 'failed', basis: 'reporter_feedback', note: 'no', verifier: inspector, lookBackDays: 90 }, 23),
  cmd('ReportRectified', { summary: 'done again' }, 24),
  cmd('VerifyCase', { outcome: 'failed', basis: 'on_site_check', note: 'still no', verifier: inspector, lookBackDays: 90 }, 25),
  cmd('ReportRectified', { summary: 'really done' }, 26),
  cmd('VerifyCase', { outcome: 'passed', basis: 'on_site_check', note: 'yes', verifier: inspector, lookBackDays: 90 }, 27),
  cmd('RecordAccountability', { cadreId: null, measure: 'admonishment_talk', note: 'talk' }, 28),
  cmd('PublishBulletin', { summary: 'a typical case of formalism' }, 28),
  cmd('CloseCase', { note: null }, 29),
  cmd('RequestLookBack', {}, 120),
  cmd('ReopenCase', { reason: 'back again', deadline: at(140) }, 121),
  cmd('MergeCase', { intoCaseId: otherId, into: { status: 'assigned' } }, 122),
];

describe('published contracts of rectification.events', () => {
  const produced: CaseEvent[] = [];
  let state: CaseState = initialCaseState();
  for (const command of script) {
    for (const event of decide(command, state)) {
      state = evolve(state, event, command.metadata.now);
      produced.push(event);
    }
  }
  const dismissed = decide(cmd('DismissCase', { reason: 'unfounded' }), evolve(initialCaseState(), produced[0], at(0)));
  const all = [...produced, ...dismissed];

  it('exercises every event type of the case', () => {
    const expected: CaseEventType[] = ['CaseOpened', 'CaseAssigned', 'CaseAcknowledged', 'MeasuresSubmitted', 'ProgressReported', 'RectificationReported', 'VerificationRequested', 'VerificationPassed', 'VerificationFailed', 'DeadlineExtended', 'CaseOverdue', 'CaseEscalated', 'AccountabilityRecorded', 'CaseResolved', 'LookBackScheduled', 'CaseClosed', 'CaseReopened', 'CaseDismissed', 'CaseMerged', 'CaseBulletinPublished'];
    expect(new Set(all.map((e) => e.type))).toEqual(new Set(expected));
  });

  it.each([
    'CaseOpened', 'CaseAssigned', 'CaseAcknowledged', 'MeasuresSubmitted', 'ProgressReported', 'RectificationReported', 'VerificationRequested', 'VerificationPassed', 'VerificationFailed', 'DeadlineExtended', 'CaseOverdue', 'CaseEscalated', 'AccountabilityRecorded', 'CaseResolved', 'LookBackScheduled', 'CaseClosed', 'CaseReopened', 'CaseDismissed', 'CaseMerged', 'CaseBulletinPublished',
  ] as const)('%s data passes its V1 contract with forbidNonWhitelisted', (type) => {
    const dataClass = (contracts as unknown as Record<string, new () => object>)[`${type}V1`];
    expect(dataClass).toBeDefined();
    for (const event of all.filter((e) => e.type === type)) {
      const parsed = parseData(dataClass, JSON.parse(JSON.stringify(event.data)));
      expect(parsed).toEqual(expect.objectContaining({ ok: true }));
    }
  });
});
