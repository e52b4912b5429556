import { Injectable, Logger } from '@nestjs/common';
import { UpstreamFailedError } from './analytics.errors';
import { AnalyticsUpstreams, UpstreamUnanswered } from './analytics-upstreams';
import type { AnalyticsWindow } from '@rectify/http';

/** What each service answers: its part plus the window it used (the same one, sent by the gateway). */
type Part<T> = { from: string; to: string } & T;
type CasesPart = Part<{
  total: number;
  byStatus: Record<string, number>;
  byCategory: Record<string, number>;
  byUnit: { unitId: string; total: number; open: number; overdue: number }[];
  medianDaysToResolve: number | null;
  overdueRate: number | null;
  returnRate: number | null;
  reopenRate: number | null;
  overdueTrend: { week: string; rate: number | null }[];
}>;
type InspectionsPart = Part<{ visits: number; unannounced: number; unannouncedShare: number | null }>;
type SatisfactionPart = Part<{ satisfaction: { unitId: string; points: { campaignId: string; closedAt: string; satisfiedShare: number }[] }[] }>;

/**
 * GET /api/analytics/overview: the gateway owns no case data; it asks the three services at
 * once, with the caller's token (so each applies its own unit scope), and merges their parts.
 * The window is resolved here once, so every part is about the same instants.
 */
@Injectable()
export class AnalyticsOverview {
  private readonly logger = new Logger(AnalyticsOverview.name);

  constructor(private readonly upstreams: AnalyticsUpstreams) {}

  async run(window: AnalyticsWindow, headers: { authorization: string; requestId?: string }) {
    const settled = await Promise.allSettled([
      this.upstreams.part<CasesPart>('rectification', window, headers),
      this.upstreams.part<InspectionsPart>('inspections', window, headers),
      this.upstreams.part<SatisfactionPart>('evaluations', window, headers),
    ] as const);
    const errors = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as unknown] : []));
    // A refusal (an expired token, say) is the caller's to see; it says more than "unavailable".
    const refusal = errors.find((e) => !(e instanceof UpstreamUnanswered));
    if (refusal) throw refusal;
    if (errors.length) {
      const failures = (errors as UpstreamUnanswered[]).map((e) => ({ service: e.service, timedOut: e.timedOut }));
      for (const e of errors) this.logger.warn(`analytics overview: ${(e as Error).message}`);
      throw new UpstreamFailedError(failures);
    }
    const [cases, inspections, evaluations] = settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as [CasesPart, InspectionsPart, SatisfactionPart];
    return {
      from: window.from.toISOString(),
      to: window.to.toISOString(),
      cases: {
        total: cases.total,
        byStatus: cases.byStatus,
        byCategory: cases.byCategory,
        byUnit: cases.byUnit,
        medianDaysToResolve: cases.medianDaysToResolve,
        overdueRate: cases.overdueRate,
        returnRate: cases.returnRate,
        reopenRate: cases.reopenRate,
        overdueTrend: cases.overdueTrend,
      },
      inspections: { visits: inspections.visits, unannounced: inspections.unannounced, unannouncedShare: inspections.unannouncedShare },
      satisfaction: evaluations.satisfaction,
    };
  }
}
