/**
 * npm run bench:pipeline — findings posted to inspections at a fixed rate (BENCH_RATE per
 * second for BENCH_SECONDS, default 200/s for 30 s, after BENCH_WARMUP_SECONDS = 15 s at the
 * same rate that are not measured) straight to the inspections service, as issue 6 sets it
 * (BENCH_VIA=gateway: through the gateway, as the console posts them); measures finding →
 * case opened → notice created through real Kafka, from the times the three services recorded
 * in their logs and the times their relays published, and checks in rectification's and
 * notifications' databases that every finding produced exactly one case and one notice.
 * Prints figures, the CPU each process spent per finding, and ends with one JSON line
 * {"rate","achievedRate","p50Ms","p99Ms","maxMs","lost","duplicated","via","warmupSeconds"}.
 * Targets (issue 6): p50 ≤ 50 ms, p99 ≤ 250 ms, lost = duplicated = 0.
 */
import '../../libs/test-kit/src/jest/register-aliases';
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { ensureInfrastructure } from '../../libs/test-kit/src/jest/infrastructure';
import { ApiClient } from '../../libs/test-kit/src/stack/api-client';
import { E2E_SERVICES, startStack, stopStack } from '../../libs/test-kit/src/stack/e2e-stack';
import { countEffects, noticesSince } from './pipeline/effect-counts';
import { JsonPoster } from './pipeline/finding-poster';
import { PipelineTraces, type Trace } from './pipeline/pipeline-traces';
import { ProcessCpu } from './pipeline/process-cpu';

const RATE = Number(process.env.BENCH_RATE ?? 200);
/**
 * Where findings are posted: straight to the inspections service (default, as issue 6 sets the
 * benchmark), where what is measured starts, or through the gateway (BENCH_VIA=gateway, as the
 * console posts them), which then takes its share of the machine's two cores for proxying.
 */
const VIA = process.env.BENCH_VIA ?? 'inspections';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 15);
/** The broker the infrastructure scripts run (known once ensureInfrastructure has run), or 0: its CPU is reported too. */
const kafkaPid = () => Number(process.env.RECTIFY_KAFKA_PID ?? 0);
const SETTLE_MS = 30_000;
const IDLE_SECONDS = 5;

/** Each hop of a finding's way, between two of the times a trace holds. */
const HOPS: Array<[string, keyof Trace, keyof Trace]> = [
  ['inspections relay', 'findingRecorded', 'findingPublished'],
  ['rectification consumer', 'findingPublished', 'caseRecorded'],
  ['rectification relay', 'caseRecorded', 'casePublished'],
  ['notifications consumer', 'casePublished', 'noticeRecorded'],
];

async function main(): Promise<void> {
  await ensureInfrastructure();
  const stack = await startStack();
  try {
    const login = await new ApiClient().post<{ accessToken: string }>('/api/auth/login', { username: 'inspector', password: process.env.DEMO_PASSWORD ?? 'rectify-demo' });
    if (login.status !== 200 && login.status !== 201) throw new Error(`login failed: ${login.status}`);
    if (VIA !== 'gateway' && VIA !== 'inspections') throw new Error(`BENCH_VIA must be gateway or inspections (got ${VIA})`);
    const inspector = new JsonPoster(VIA === 'gateway' ? stack.gatewayUrl : stack.serviceUrls.inspections, login.body.accessToken);
    const processes = Object.fromEntries(E2E_SERVICES.map((s, i) => [s.name, stack.pids[i]]));
    const cpu = new ProcessCpu(kafkaPid() ? { ...processes, kafka: kafkaPid() } : processes, stack.databasePrefix);
    // What the stack costs doing nothing (pollers, heartbeats), for scale.
    await cpu.start();
    await new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000));
    const idleMs = cpu.stop();

    const postFor = (seconds: number, from: number) => {
      const run = { posted: [] as string[], failures: [] as string[], done: Promise.resolve() };
      const inFlight: Promise<void>[] = [];
      const total = RATE * seconds;
      run.done = (async () => {
        for (let i = 0; i < total; i++) {
          const wait = from + (i * 1000) / RATE - Date.now();
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
          inFlight.push(
            inspector
              .post('/api/inspections/findings', { unitId: i % 2 ? 'unit-a' : 'unit-b', category: 'FORMALISM', note: `bench ${randomUUID()}` })
              .then((res) => {
                if (res.status === 201) run.posted.push((res.body as { id: string }).id);
                else run.failures.push(`HTTP ${res.status} ${JSON.stringify(res.body)?.slice(0, 120)}`);
              }, (error: Error) => void run.failures.push(error.message)),
          );
          if (i % RATE === 0 && i > 0) process.stderr.write(`posted ${i}/${total}${from === warmStarted ? ' (warm-up)' : ''}\n`);
        }
        await Promise.all(inFlight);
      })();
      return run;
    };
    // Warm-up at the same rate, not measured: a service's first seconds are spent compiling its
    // hot paths (JIT), which a service that has been running for a while no longer does.
    const warmStarted = Date.now();
    const warm = postFor(WARMUP_SECONDS, warmStarted);
    const started = warmStarted + WARMUP_SECONDS * 1000;
    await new Promise((r) => setTimeout(r, Math.max(0, started - Date.now())));
    await cpu.start();
    const loadBefore = loadavg()[0];
    const measured = postFor(SECONDS, started);
    await measured.done;
    await warm.done;
    const { posted } = measured;
    const failures = [...warm.failures, ...measured.failures];
    inspector.close();
    const postSeconds = (Date.now() - started) / 1000;

    // Settled when every finding has its notice (counted in notifications' database, cheaply).
    const deadline = Date.now() + SETTLE_MS;
    const expected = warm.posted.length + posted.length;
    while (Date.now() < deadline && (await noticesSince(stack.databasePrefix, warmStarted)) < expected) await new Promise((r) => setTimeout(r, 250));
    const cpuMs = cpu.stop();
    const loadAfter = loadavg()[0];
    await new Promise((r) => setTimeout(r, 2000)); // let late duplicates show up
    // The times are read from the topics only now: a consumer reading them during the run would
    // take CPU from the services it measures.
    const traces = new PipelineTraces();
    await traces.start(stack.topicPrefix);
    const traceDeadline = Date.now() + SETTLE_MS;
    while (Date.now() < traceDeadline && posted.some((id) => traces.byFinding.get(id)?.noticeRecorded === undefined)) await new Promise((r) => setTimeout(r, 200));
    await traces.stop();
    const effects = await countEffects(stack.databasePrefix, [...warm.posted, ...posted]);

    const complete = posted.map((id) => traces.byFinding.get(id)).filter((t): t is Required<Trace> => HOPS.every(([, from, to]) => t?.[from] !== undefined && t?.[to] !== undefined));
    // A finding not seen all the way through counts as infinitely late.
    const latencies = sorted([...complete.map((t) => t.noticeRecorded - t.findingRecorded), ...Array<number>(posted.length - complete.length).fill(Infinity)]);
    const lost = failures.length + effects.lost.length;
    const duplicated = effects.duplicated.length;
    console.log(`warm-up: ${warm.posted.length} findings in ${WARMUP_SECONDS} s before the measured run (BENCH_WARMUP_SECONDS), checked for lost/duplicated too`);
    console.log(`findings posted (via ${VIA}): ${posted.length} in ${postSeconds.toFixed(1)} s (${(posted.length / postSeconds).toFixed(1)}/s), failed posts: ${failures.length}; load average ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)}`);
    console.log(`finding → case → notice latency (ms): p50 ${pct(latencies, 50)}  p90 ${pct(latencies, 90)}  p99 ${pct(latencies, 99)}  max ${latencies[latencies.length - 1]}  (${complete.length} of ${posted.length} traced)`);
    // How the run went over time (a warming or drifting stack shows here), by when findings were recorded.
    const windows = new Map<number, number[]>();
    for (const t of complete) {
      const window = Math.floor((t.findingRecorded - started) / 10_000);
      windows.set(window, [...(windows.get(window) ?? []), t.noticeRecorded - t.findingRecorded]);
    }
    console.log(`  p50 / p99 per 10 s: ${[...windows.entries()].sort(([a], [b]) => a - b).map(([, ms]) => `${pct(sorted(ms), 50)}/${pct(ms, 99)}`).join('  ')}`);
    for (const [hop, from, to] of HOPS) {
      const times = sorted(complete.map((t) => t[to] - t[from]));
      console.log(`  ${hop.padEnd(24)} p50 ${pct(times, 50)}  p99 ${pct(times, 99)}  max ${times[times.length - 1]}`);
    }
    console.log(`CPU when idle (ms per s): ${Object.entries(idleMs).map(([name, ms]) => `${name} ${(ms / IDLE_SECONDS).toFixed(0)}`).join(', ')}`);
    console.log(`CPU per finding (ms): ${Object.entries(cpuMs).map(([name, ms]) => `${name} ${(ms / Math.max(1, posted.length)).toFixed(2)}`).join(', ')}`);
    console.log(`lost ${lost}  duplicated ${duplicated} (counted in the databases); event copies the relays published twice: ${traces.republished}`);
    if (failures.length) console.log(`first failed posts: ${[...new Set(failures)].slice(0, 3).join(' | ')}`);
    console.log(JSON.stringify({ rate: RATE, achievedRate: Math.round((posted.length / postSeconds) * 10) / 10, p50Ms: pct(latencies, 50), p99Ms: pct(latencies, 99), maxMs: latencies[latencies.length - 1] ?? null, lost, duplicated, via: VIA, warmupSeconds: WARMUP_SECONDS }));
  } finally {
    stopStack();
  }
}

const sorted = (values: number[]) => values.sort((a, b) => a - b);
const pct = (values: number[], p: number) => (values.length ? values[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)] : NaN);

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
