import type { FindingRecordedV1 } from '@rectify/contracts';
import type { PlanCommand, PlanInspection, RecordVisit } from './plan.commands';
import { PlanError } from './plan.errors';
import type { PlanEvent, VisitDecision } from './plan.events';
import type { ExistingPlan, PlanState } from './plan.state';

export function decide(command: PlanInspection, state: PlanState): PlanEvent[];
export function decide(command: RecordVisit, state: PlanState): VisitDecision;
export function decide(command: PlanCommand, state: PlanState): PlanEvent[] | VisitDecision {
  switch (command.type) {
    case 'PlanInspection':
      return planInspection(command, state);
    case 'RecordVisit':
      if (state.status === 'none') throw PlanError.notFound(command.planId);
      return recordVisit(command, state);
    default: {
      const unknown: never = command;
      throw new Error(`unknown command ${(unknown as { type: string }).type}`);
    }
  }
}

function planInspection(command: PlanInspection, state: PlanState): PlanEvent[] {
  if (state.status !== 'none') throw PlanError.alreadyExists(command.planId);
  const from = Date.parse(command.window.from);
  const to = Date.parse(command.window.to);
  if (!(from < to)) throw PlanError.windowNotOrdered();
  if (to <= command.now.getTime()) throw PlanError.windowOver();
  const unknown = command.targetUnitIds.find((id) => !command.knownUnitIds.has(id));
  if (unknown) throw PlanError.unknownUnit(unknown);
  const { planId, title, mode, scope, targetUnitIds, team, checklist } = command;
  return [{
    type: 'InspectionPlanned',
    data: {
      planId, title, mode, scope,
      targetUnitIds: [...new Set(targetUnitIds)],
      window: { from: new Date(from).toISOString(), to: new Date(to).toISOString() },
      team: [...new Set(team)],
      checklist: [...new Set(checklist)],
    },
  }];
}

function recordVisit(command: RecordVisit, plan: ExistingPlan): VisitDecision {
  if (!plan.team.includes(command.recordedBy)) throw PlanError.notOnTeam();
  if (!plan.targetUnitIds.includes(command.unitId)) throw PlanError.unitNotTargeted(command.unitId);
  if (plan.visitedUnitIds.includes(command.unitId)) throw PlanError.alreadyVisited(command.unitId);
  const arrived = Date.parse(command.arrivedAt);
  if (arrived > command.now.getTime()) throw PlanError.arrivalInFuture();
  if (arrived < Date.parse(plan.window.from) || arrived > Date.parse(plan.window.to)) throw PlanError.outsideWindow();
  command.observations.forEach((o, i) => {
    if (!plan.checklist.includes(o.category)) throw PlanError.notOnChecklist(i);
  });

  const findings: FindingRecordedV1[] = command.observations.flatMap((o, i) =>
    o.compliant
      ? []
      : [{
          findingId: command.findingIds[i],
          unitId: command.unitId,
          category: o.category,
          note: o.note ?? '',
          source: plan.scope === 'spot' ? ('spot_check_finding' as const) : ('inspection_finding' as const),
          planId: plan.planId,
          visitId: command.visitId,
          ...(o.evidence ? { evidence: o.evidence } : {}),
          ...(o.cadreIds ? { cadreIds: o.cadreIds } : {}),
        }],
  );
  const arrivedAt = new Date(arrived).toISOString();
  const events: PlanEvent[] = [{
    type: 'VisitRecorded',
    data: {
      visitId: command.visitId,
      planId: plan.planId,
      unitId: command.unitId,
      mode: plan.mode,
      scope: plan.scope,
      arrivedAt,
      inspectorIds: [...new Set([command.recordedBy, ...command.inspectorIds])],
      ...(command.onArrival ? { onArrival: command.onArrival } : {}),
      compliantCount: command.observations.length - findings.length,
      findingIds: findings.map((f) => f.findingId),
    },
  }];
  if (plan.mode === 'unannounced') {
    events.push({
      type: 'InspectionDisclosed',
      data: { planId: plan.planId, unitId: command.unitId, visitId: command.visitId, title: plan.title, mode: plan.mode, scope: plan.scope, visitedAt: arrivedAt },
    });
  }
  return { events, findings };
}
