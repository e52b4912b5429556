import { Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { PoolClient } from 'pg';
import { type IntegrationEnvelope, ReportTriagedV1 } from '@rectify/contracts';
import { HandlesEvent } from '@rectify/messaging';
import { CaseRepository } from '../case-repository';
import { OpenCaseCommand } from '../commands/open-case/open-case.command';
import type { OpenedCase } from '../commands/open-case/open-case.handler';
import { recordForeignEvent } from './foreign-events';
import { SYSTEM_ACTOR } from './system-actor';

/** A triaged public report opens a case (idempotent on the report id) or joins an open one. */
@Injectable()
export class ReportTriagedHandler {
  private readonly logger = new Logger(ReportTriagedHandler.name);

  constructor(
    private readonly commands: CommandBus,
    private readonly cases: CaseRepository,
  ) {}

  @HandlesEvent('evaluations', 'ReportTriaged', ReportTriagedV1)
  async onTriage(event: IntegrationEnvelope<ReportTriagedV1>, tx: PoolClient): Promise<void> {
    const report = event.data;
    if (report.decision === 'open_case') {
      if (!report.unitId || !report.category) {
        this.logger.warn(`report ${report.reportId} triaged to open a case without unit or category: nothing opened`);
        return;
      }
      const summary = report.summary ?? 'Public report';
      const opened: OpenedCase = await this.commands.execute(
        new OpenCaseCommand(
          {
            unitId: report.unitId,
            category: report.category,
            title: `Public report: ${summary.slice(0, 80)}`,
            description: summary,
            source: { kind: 'public_report', ref: report.reportId },
            assignToUnit: true,
          },
          new Date(event.occurredAt),
          { actor: SYSTEM_ACTOR, correlationId: event.correlationId, causationId: event.eventId, db: tx },
        ),
      );
      await recordForeignEvent(tx, opened.id, 'evaluations', event);
      return;
    }
    if (report.decision === 'merge' && report.caseId) {
      const { state } = await this.cases.load(report.caseId, { db: tx });
      if (state.status !== 'none') await recordForeignEvent(tx, report.caseId, 'evaluations', event);
    }
  }
}
