import type { PoolClient } from 'pg';
import type { Projection, RecordedEvent } from '@rectify/event-store';
import type { ReportEvent } from '../domain/report.events';

/** The `report_list` read model behind GET /api/evaluations/reports. Rebuildable from the log. */
export const reportListProjection: Projection = {
  name: 'report_list',
  async apply(events: readonly RecordedEvent[], tx: PoolClient): Promise<void> {
    for (const recorded of events) {
      if (!recorded.streamId.startsWith('report-')) continue;
      const event = { type: recorded.type, data: recorded.data } as ReportEvent;
      const at = recorded.occurredAt;
      const set = (reportId: string, fields: string, values: unknown[]) =>
        tx.query(`UPDATE report_list SET ${fields}, updated_at = $2 WHERE report_id = $1`, [reportId, at, ...values]);
      switch (event.type) {
        case 'ReportReceived': {
          const d = event.data;
          await tx.query(
            `INSERT INTO report_list (report_id, status, channel, unit_id, category, received_at, updated_at)
             VALUES ($1, 'received', $2, $3, $4, $5, $5) ON CONFLICT (report_id) DO NOTHING`,
            [d.reportId, d.channel, d.unitId ?? null, d.category ?? null, at],
          );
          break;
        }
        case 'ReportTriaged':
          if (event.data.decision === 'open_case') {
            await set(event.data.reportId, `status = 'under_review', unit_id = $3, category = $4`, [event.data.unitId, event.data.category]);
          }
          break;
        case 'ReportCaseLinked':
          await set(event.data.reportId, `status = 'case_opened', case_id = $3`, [event.data.caseId]);
          break;
        case 'ReportCaseResolved':
          await set(event.data.reportId, `status = 'resolved'`, []);
          break;
        case 'ReportClosed':
          await set(event.data.reportId, `status = 'closed'`, []);
          break;
        case 'ReporterFeedbackGiven':
          await set(event.data.reportId, `status = $3`, [event.data.solved ? 'resolved' : 'case_opened']);
          break;
        default:
          break;
      }
    }
  },
};
