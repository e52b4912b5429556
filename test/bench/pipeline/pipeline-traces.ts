import { randomUUID } from 'node:crypto';
import { createKafka, type MessageConsumer, parseBrokers } from '@rectify/messaging';

/** When one finding's events were recorded in their logs and published by their relays (ms). */
export interface Trace {
  findingRecorded?: number;
  findingPublished?: number;
  caseRecorded?: number;
  /** Of CaseAssigned, the event notifications acts on. */
  casePublished?: number;
  noticeRecorded?: number;
}

/**
 * Follows findings through the three topics. Relays publish at least once, so a copy of an
 * event already seen (same eventId) is counted and otherwise skipped; exactly-once effects are
 * checked in the databases (see effect-counts.ts), not here.
 */
export class PipelineTraces {
  readonly byFinding = new Map<string, Trace>();
  republished = 0;
  private readonly seen = new Set<string>();
  private readonly caseToFinding = new Map<string, string>();
  private readonly early = new Map<string, Array<(trace: Trace) => void>>();
  private consumer: MessageConsumer | undefined;

  async start(topicPrefix: string): Promise<void> {
    const kafka = createKafka({ brokers: parseBrokers(process.env.KAFKA_BROKERS ?? '127.0.0.1:9092'), clientId: 'bench-pipeline' });
    this.consumer = kafka.consumer({ groupId: `bench-${randomUUID()}` });
    await this.consumer.connect();
    await this.consumer.subscribe(['inspections', 'rectification', 'notifications'].map((s) => `${topicPrefix}${s}.events`), { fromBeginning: true });
    await this.consumer.run(async (message) => {
      const type = message.headers.type;
      if (type !== 'FindingRecorded' && type !== 'CaseOpened' && type !== 'CaseAssigned' && type !== 'NoticeIssued') return;
      // Envelopes read loosely: the benchmark only picks the fields it times.
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const envelope = JSON.parse(message.value?.toString() ?? '{}') as { eventId: string; recordedAt: string; data: any };
      if (this.seen.has(envelope.eventId)) {
        this.republished += 1;
        return;
      }
      this.seen.add(envelope.eventId);
      this.record(type, envelope.data, Date.parse(envelope.recordedAt), Number(message.timestamp));
    });
  }

  stop(): Promise<void> {
    return this.consumer?.disconnect() ?? Promise.resolve();
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private record(type: string, data: any, recordedAt: number, publishedAt: number): void {
    if (type === 'FindingRecorded') {
      Object.assign(this.trace(data.findingId), { findingRecorded: recordedAt, findingPublished: publishedAt });
    } else if (type === 'CaseOpened') {
      const findingId = data.source?.ref;
      if (!findingId) return;
      this.caseToFinding.set(data.caseId, findingId);
      const trace = Object.assign(this.trace(findingId), { caseRecorded: recordedAt });
      for (const apply of this.early.get(data.caseId) ?? []) apply(trace);
      this.early.delete(data.caseId);
    } else if (type === 'CaseAssigned') {
      this.onCase(data.caseId, (trace) => (trace.casePublished = publishedAt));
    } else if (data.type === 'rectification_notice') {
      this.onCase(data.caseId, (trace) => (trace.noticeRecorded = recordedAt));
    }
  }

  /** Notices come on another topic and may be read before the case that explains them. */
  private onCase(caseId: string, apply: (trace: Trace) => void): void {
    const findingId = this.caseToFinding.get(caseId);
    if (findingId) apply(this.trace(findingId));
    else this.early.set(caseId, [...(this.early.get(caseId) ?? []), apply]);
  }

  private trace(findingId: string): Trace {
    let trace = this.byFinding.get(findingId);
    if (!trace) this.byFinding.set(findingId, (trace = {}));
    return trace;
  }
}
