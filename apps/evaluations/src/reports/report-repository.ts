import { Injectable } from '@nestjs/common';
import { PgEventStore } from '@rectify/event-store';
import { StreamRepository } from '../shared/stream-repository';
import type { ReportCommand } from './domain/report.commands';
import { decide } from './domain/report.decide';
import { REPORT_EVENT_SCHEMA_VERSION, type ReportEvent } from './domain/report.events';
import { evolve } from './domain/report.evolve';
import { initialReportState, type ReportState } from './domain/report.state';

export const reportStreamId = (reportId: string): string => `report-${reportId}`;

@Injectable()
export class ReportRepository extends StreamRepository<ReportState, ReportCommand, ReportEvent> {
  constructor(store: PgEventStore) {
    super(store, {
      name: 'report',
      reducerVersion: 1,
      streamId: reportStreamId,
      initialState: initialReportState,
      decide,
      evolve,
      schemaVersions: REPORT_EVENT_SCHEMA_VERSION,
    });
  }
}
