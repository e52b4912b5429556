import { Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { PoolClient } from 'pg';
import { type IntegrationEnvelope, ReporterFeedbackGivenV1 } from '@rectify/contracts';
import { HandlesEvent } from '@rectify/messaging';
import { CaseRepository } from '../case-repository';
import { VerifyCaseCommand } from '../commands/verify-case/verify-case.command';
import { RequestReverificationCommand } from '../commands/request-reverification/request-reverification.command';
import { reactOrLog } from './case-reaction';
import { recordForeignEvent } from './foreign-events';

const REPORTER = { id: 'public:reporter', role: 'public', unitId: null };

/**
 * The reporter's word is independent evidence: it decides a pending verification, and a
 * "not solved" on a resolved case sends it back to verification.
 */
@Injectable()
export class ReporterFeedbackHandler {
  private readonly logger = new Logger(ReporterFeedbackHandler.name);

  constructor(
    private readonly commands: CommandBus,
    private readonly cases: CaseRepository,
  ) {}

  @HandlesEvent('evaluations', 'ReporterFeedbackGiven', ReporterFeedbackGivenV1)
  async onFeedback(event: IntegrationEnvelope<ReporterFeedbackGivenV1>, tx: PoolClient): Promise<void> {
    const feedback = event.data;
    const { state } = await this.cases.load(feedback.caseId, { db: tx });
    if (state.status === 'none') return;
    await recordForeignEvent(tx, feedback.caseId, 'evaluations', event);
    const now = new Date(event.occurredAt);
    const context = { actor: REPORTER, correlationId: event.correlationId, causationId: event.eventId, db: tx };
    const note = feedback.comment ?? (feedback.solved ? 'reporter says solved' : 'reporter says not solved');
    await reactOrLog(this.logger, `feedback on report ${feedback.reportId}`, async () => {
      if (state.status === 'reported' || state.status === 'verifying') {
        const verdict = { outcome: feedback.solved ? 'passed' : 'failed', basis: 'reporter_feedback', note } as const;
        await this.commands.execute(new VerifyCaseCommand(feedback.caseId, verdict, now, context));
      } else if (!feedback.solved && (state.status === 'resolved' || state.status === 'closed')) {
        await this.commands.execute(new RequestReverificationCommand(feedback.caseId, { basis: 'reporter_feedback' }, now, context));
      }
    });
  }
}
