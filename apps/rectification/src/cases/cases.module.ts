import { Module } from '@nestjs/common';
import { CaseHistoryController } from './case-history.controller';
import { CaseRepository } from './case-repository';
import { CasesController } from './cases.controller';
import { AcknowledgeCaseHandler } from './commands/acknowledge-case/acknowledge-case.handler';
import { AssignCaseHandler } from './commands/assign-case/assign-case.handler';
import { CloseCaseHandler } from './commands/close-case/close-case.handler';
import { DismissCaseHandler } from './commands/dismiss-case/dismiss-case.handler';
import { ExtendDeadlineHandler } from './commands/extend-deadline/extend-deadline.handler';
import { MergeCaseHandler } from './commands/merge-case/merge-case.handler';
import { OpenCaseHandler } from './commands/open-case/open-case.handler';
import { OpenCasesFromSources } from './commands/open-case/open-cases-from-sources';
import { PublishBulletinHandler } from './commands/publish-bulletin/publish-bulletin.handler';
import { RecordAccountabilityHandler } from './commands/record-accountability/record-accountability.handler';
import { ReopenCaseHandler } from './commands/reopen-case/reopen-case.handler';
import { ReportProgressHandler } from './commands/report-progress/report-progress.handler';
import { ReportRectifiedHandler } from './commands/report-rectified/report-rectified.handler';
import { RequestReverificationHandler } from './commands/request-reverification/request-reverification.handler';
import { SubmitMeasuresHandler } from './commands/submit-measures/submit-measures.handler';
import { VerifyCaseHandler } from './commands/verify-case/verify-case.handler';
import { FindingRecordedHandler } from './consumers/finding-recorded.handler';
import { FollowUpPollHandler } from './consumers/follow-up-poll.handler';
import { NoticeAcknowledgedHandler } from './consumers/notice-acknowledged.handler';
import { ReinspectionCompletedHandler } from './consumers/reinspection-completed.handler';
import { ReportTriagedHandler } from './consumers/report-triaged.handler';
import { ReporterFeedbackHandler } from './consumers/reporter-feedback.handler';
import { ThresholdBreachedHandler } from './consumers/threshold-breached.handler';
import { CaseProjections } from './projections/case-projections';
import { CaseTimeline } from './queries/case-timeline.query';
import { ListCases } from './queries/list-cases.query';
import { ClockController } from './timers/clock.controller';
import { DeadlineWatcher } from './timers/deadline-watcher';

const COMMAND_HANDLERS = [
  OpenCaseHandler,
  AssignCaseHandler,
  AcknowledgeCaseHandler,
  SubmitMeasuresHandler,
  ReportProgressHandler,
  ReportRectifiedHandler,
  VerifyCaseHandler,
  RequestReverificationHandler,
  ExtendDeadlineHandler,
  RecordAccountabilityHandler,
  PublishBulletinHandler,
  CloseCaseHandler,
  ReopenCaseHandler,
  DismissCaseHandler,
  MergeCaseHandler,
];

const CONSUMERS = [
  FindingRecordedHandler,
  ReinspectionCompletedHandler,
  ThresholdBreachedHandler,
  ReportTriagedHandler,
  ReporterFeedbackHandler,
  NoticeAcknowledgedHandler,
  FollowUpPollHandler,
];

@Module({
  // The clock controller first: its literal `_clock` path must win over `:id` routes.
  controllers: [ClockController, CasesController, CaseHistoryController],
  providers: [CaseRepository, OpenCasesFromSources, ...COMMAND_HANDLERS, ...CONSUMERS, CaseProjections, DeadlineWatcher, ListCases, CaseTimeline],
  exports: [DeadlineWatcher, CaseProjections, CaseRepository],
})
export class CasesModule {}
