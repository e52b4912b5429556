/**
 * npm run bench:pipeline — findings posted to inspections at a fixed rate (BENCH_RATE per
 * second for BENCH_SECONDS, default 200/s for 30 s) through the gateway; measures finding →
 * case opened → notice created through real Kafka, from the times the three services recorded
 * in their logs, and checks that every finding produced exactly one case and one notice.
 * Prints figures and ends with one JSON line {"rate","p50Ms","p99Ms","maxMs","lost","duplicated"}.
 * Targets (issue 6): p50 ≤ 50 ms, p99 ≤ 250 ms, lost = duplicated = 0.
 */
import '../../libs/test-kit/src/jest/register-aliases';
import { randomUUID } from 'node:crypto';
import { createKafka, parseBrokers } from '@rectify/messaging';
import { ensureInfrastructure } from '../../libs/test-kit/src/jest/infrastructure';
import { ApiClient } from '../../libs/test-kit/src/stack/api-client';
import { startStack, stopStack } from '../../libs/test-kit/src/stack/e2e-stack';

const RATE = Number(process.env.BENCH_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const SETTLE_MS = 30_000;

interface Seen {
  findingAt?: number;
  caseIds: Set<string>;
  caseAt?: number;
  notices: number;
  noticeAt?: number;
}

async function main(): Promise<void> {
  await ensureInfrastructure();
  const stack = await startStack();
  try {
    const inspector = await ApiClient.login('inspector');
    const seen = new Map<string, Seen>();
    const caseToFinding = new Map<string, string>();
    const pendingNotices = new Map<string, number[]>();
    const consumer = await watch(stack.topicPrefix, (topic, envelope) => {
      const recordedAt = Date.parse(envelope.recordedAt);
      if (topic.endsWith('inspections.events') && envelope.type === 'FindingRecorded') {
        entry(seen, envelope.data.findingId).findingAt = recordedAt;
      } else if (topic.endsWith('rectification.events') && envelope.type === 'CaseOpened') {
        const findingId = envelope.data.source?.ref;
        if (!findingId) return;
        const s = entry(seen, findingId);
        s.caseIds.add(envelope.data.caseId);
        s.caseAt = recordedAt;
        caseToFinding.set(envelope.data.caseId, findingId);
        for (const at of pendingNotices.get(envelope.data.caseId) ?? []) noticeSeen(entry(seen, findingId), at);
        pendingNotices.delete(envelope.data.caseId);
      } else if (topic.endsWith('notifications.events') && envelope.type === 'NoticeIssued' && envelope.data.type === 'rectification_notice') {
        const findingId = caseToFinding.get(envelope.data.caseId);
        if (findingId) noticeSeen(entry(seen, findingId), recordedAt);
        else pendingNotices.set(envelope.data.caseId, [...(pendingNotices.get(envelope.data.caseId) ?? []), recordedAt]);
      }
    });

    const total = RATE * SECONDS;
    const posted: string[] = [];
    const failures: string[] = [];
    const started = Date.now();
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const due = started + (i * 1000) / RATE;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      inFlight.push(
        inspector
          .post('/api/inspections/findings', { unitId: i % 2 ? 'unit-a' : 'unit-b', category: 'FORMALISM', note: `bench ${randomUUID()}` })
          .then((res) => {
            if (res.status === 201) posted.push(res.body.id);
            else failures.push(`HTTP ${res.status} ${JSON.stringify(res.body)?.slice(0, 120)}`);
          }, (error: Error) => void failures.push(error.message)),
      );
      if (i % RATE === 0 && i > 0) process.stderr.write(`posted ${i}/${total}\n`);
    }
    await Promise.all(inFlight);
    const postSeconds = (Date.now() - started) / 1000;

    const deadline = Date.now() + SETTLE_MS;
    while (Date.now() < deadline && posted.some((id) => !(seen.get(id)?.notices))) await new Promise((r) => setTimeout(r, 200));
    await new Promise((r) => setTimeout(r, 2000)); // let late duplicates show up
    await consumer.disconnect();

    const latencies: number[] = [];
    const toCase: number[] = [];
    const toNotice: number[] = [];
    let lost = failures.length;
    let duplicated = 0;
    for (const id of posted) {
      const s = seen.get(id);
      if (!s || s.caseIds.size === 0 || s.notices === 0 || s.findingAt === undefined || s.noticeAt === undefined) {
        lost += 1;
        continue;
      }
      if (s.caseIds.size > 1 || s.notices > 1) duplicated += 1;
      latencies.push(s.noticeAt - s.findingAt);
      if (s.caseAt !== undefined) {
        toCase.push(s.caseAt - s.findingAt);
        toNotice.push(s.noticeAt - s.caseAt);
      }
    }
    latencies.sort((a, b) => a - b);
    const pct = (p: number) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] : NaN);
    console.log(`findings posted: ${posted.length} in ${postSeconds.toFixed(1)} s (${(posted.length / postSeconds).toFixed(1)}/s), failed posts: ${failures.length}`);
    console.log(`finding → case → notice latency (ms): p50 ${pct(50)}  p90 ${pct(90)}  p99 ${pct(99)}  max ${latencies[latencies.length - 1]}`);
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
    console.log(`per hop, median (ms): finding → case ${median(toCase)}, case → notice ${median(toNotice)}`);
    console.log(`lost ${lost}  duplicated ${duplicated}`);
    if (failures.length) console.log(`first failed posts: ${[...new Set(failures)].slice(0, 3).join(' | ')}`);
    console.log(JSON.stringify({ rate: RATE, achievedRate: Math.round((posted.length / postSeconds) * 10) / 10, p50Ms: pct(50), p99Ms: pct(99), maxMs: latencies[latencies.length - 1] ?? null, lost, duplicated }));
  } finally {
    stopStack();
  }
}

function entry(seen: Map<string, Seen>, findingId: string): Seen {
  let s = seen.get(findingId);
  if (!s) seen.set(findingId, (s = { caseIds: new Set(), notices: 0 }));
  return s;
}

function noticeSeen(s: Seen, at: number): void {
  s.notices += 1;
  s.noticeAt = at;
}

// Envelopes of three topics, read loosely: the benchmark only picks the fields it times.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function watch(prefix: string, onEvent: (topic: string, envelope: any) => void) {
  const kafka = createKafka({ brokers: parseBrokers(process.env.KAFKA_BROKERS ?? '127.0.0.1:9092'), clientId: 'bench-pipeline' });
  const consumer = kafka.consumer({ groupId: `bench-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe(['inspections', 'rectification', 'notifications'].map((s) => `${prefix}${s}.events`), { fromBeginning: true });
  await consumer.run(async (message) => onEvent(message.topic, JSON.parse(message.value?.toString() ?? '{}')));
  return consumer;
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
