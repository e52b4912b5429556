#!/usr/bin/env node
// `npm start`: the whole of Rectify in the foreground — Kafka, PostgreSQL, the five services
// and the console at http://localhost:8080 — with demo data. Ctrl-C stops all of it (except a
// PostgreSQL or Kafka that was already running before, which is left as it was).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  APP_SERVICES,
  InfraError,
  ROOT,
  buildTypeScript,
  ensureNodeModules,
  findPortOwner,
  formatDuration,
  isPortFree,
  killProcessGroup,
  loadDotEnv,
  log,
  paint,
  readPidfile,
  removePidfile,
  reportFatal,
  servicePidName,
  spawnPrefixed,
  waitForHttp,
  warn,
  writePidfile,
} from './infra/processes.mjs';
import { buildConsole } from './infra/console-build.mjs';
import { seedDemoCases } from './infra/demo-cases.mjs';

const HEALTH_TIMEOUT_MS = Number(process.env.START_HEALTH_TIMEOUT_MS ?? 180_000);
const DEMO_USERS = ['admin', 'inspector', 'inspector2', 'analyst', 'dept-a', 'dept-b', 'dept-county'];

const state = { kafka: null, postgres: null, children: [], stopping: false, infra: null };

process.chdir(ROOT);
const t0 = Date.now();
loadDotEnv();
/** DEMO_DATA=false (environment or .env): no demo directory (the gateway's seeder) and no demo cases. */
const DEMO = (process.env.DEMO_DATA ?? 'true') !== 'false';

async function shutdown(code, reason) {
  if (state.stopping) return;
  state.stopping = true;
  if (reason) log(reason, 'start');
  const running = state.children.filter((c) => !c.hasExited());
  if (running.length) log(`stopping ${running.map((c) => c.serviceName).join(', ')}…`, 'start');
  await Promise.all(
    state.children.map(async (c) => {
      if (await killProcessGroup(c.pid, { signal: 'SIGTERM', timeoutMs: 10_000 })) warn(`${c.serviceName} did not stop within 10s; killed it`, 'start');
      removePidfile(servicePidName(c.serviceName));
    }),
  );
  try {
    if (state.kafka?.startedByUs) await state.infra.stopKafka({ port: Number(state.kafka.brokers.split(':').pop()) });
    else if (state.kafka) log(`leaving the Kafka broker at ${state.kafka.brokers} running (it was running before npm start)`, 'start');
    if (state.postgres?.kind === 'embedded' && state.postgres.startedByUs) await state.infra.stopEmbeddedPostgres();
  } catch (err) {
    reportFatal(err, 'start');
  }
  if (state.kafka || state.postgres || state.children.length) log(`stopped after ${formatDuration(Date.now() - t0)}`, 'start');
  process.exit(code);
}

let signals = 0;
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    signals += 1;
    if (signals === 1) {
      process.stdout.write('\n');
      shutdown(0, `${sig} received: stopping everything (press Ctrl-C again to force)`);
    } else {
      warn('forcing: killing every process npm start started', 'start');
      for (const c of state.children) {
        try {
          process.kill(-c.pid, 'SIGKILL');
        } catch {
          /* gone */
        }
      }
      if (state.kafka?.startedByUs && state.kafka.pid) {
        try {
          process.kill(-state.kafka.pid, 'SIGKILL');
        } catch {
          /* gone */
        }
      }
      process.exit(130);
    }
  });
}

async function checkServicePorts() {
  const taken = [];
  for (const svc of APP_SERVICES) {
    if (await isPortFree(svc.port)) continue;
    const owner = findPortOwner(svc.port);
    const leftover = owner?.pid && owner.pid === readPidfile(servicePidName(svc.name));
    const who = owner?.pid ? `pid ${owner.pid} (${(owner.command || '?').slice(0, 90)})` : 'a process this user cannot see';
    taken.push(`  port ${svc.port} (${svc.name}) is taken by ${who}${leftover ? ` — a ${svc.name} left over from an earlier npm start` : ''}`);
  }
  if (taken.length) {
    throw new InfraError(
      `cannot start: ports Rectify needs are in use:\n${taken.join('\n')}\n` +
        'Stop those processes (`node scripts/infra.mjs down` stops leftovers of an earlier npm start) and run npm start again.',
    );
  }
}

function checkBuiltServices() {
  const missing = APP_SERVICES.filter((s) => !fs.existsSync(path.join(ROOT, 'dist', 'apps', s.name, 'src', 'main.js')));
  if (missing.length) {
    throw new InfraError(
      `the build produced no entry point for ${missing.map((s) => s.name).join(', ')} ` +
        `(expected ${missing.map((s) => `dist/apps/${s.name}/src/main.js`).join(', ')}); ` +
        'is apps/<service>/src/main.ts there and included by tsconfig.build.json?',
    );
  }
}

function banner(pg) {
  const password = process.env.DEMO_PASSWORD ? '(the DEMO_PASSWORD you set)' : 'rectify-demo';
  const lines = [
    `Rectify is running — open ${paint(1, 'http://localhost:8080')}`,
    '',
    DEMO ? `Demo logins, password ${password}:` : 'DEMO_DATA=false: no demo users were created.',
    ...(DEMO ? [`  ${DEMO_USERS.join(', ')}`] : []),
    '',
    `services   ${APP_SERVICES.slice(0, 3).map((s) => `${s.name} :${s.port}`).join(' · ')}`,
    `           ${APP_SERVICES.slice(3).map((s) => `${s.name} :${s.port}`).join(' · ')}`,
    `Kafka      ${state.kafka.brokers}${state.kafka.startedByUs ? ' (started by npm start)' : ' (already running)'}`,
    `PostgreSQL ${pg.url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@')} (${pg.kind === 'embedded' ? 'embedded' : 'server'})`,
    `ready in ${formatDuration(Date.now() - t0)} — Ctrl-C stops everything`,
  ];
  const width = Math.max(...lines.map((l) => l.replace(/\u001b\[[0-9;]*m/g, '').length)) + 2;
  const pad = (l) => l + ' '.repeat(width - 1 - l.replace(/\u001b\[[0-9;]*m/g, '').length);
  process.stdout.write(`\n┌${'─'.repeat(width)}┐\n${lines.map((l) => `│ ${pad(l)}│`).join('\n')}\n└${'─'.repeat(width)}┘\n\n`);
}

async function main() {
  await ensureNodeModules();
  await checkServicePorts();

  const kafkaMod = await import('./infra/kafka.mjs');
  const pgMod = await import('./infra/postgres.mjs');
  state.infra = { stopKafka: kafkaMod.stopKafka, stopEmbeddedPostgres: pgMod.stopEmbeddedPostgres };

  await kafkaMod.ensureKafkaArtifacts();
  state.kafka = await kafkaMod.ensureKafka({ detached: false });
  if (state.stopping) return;
  await kafkaMod.ensureTopics({ brokers: state.kafka.brokers });
  state.postgres = await pgMod.ensurePostgresInfo({ detached: false });
  if (state.stopping) return;

  await buildTypeScript();
  await buildConsole();
  checkBuiltServices();
  if (state.stopping) return;

  let jwtSecret = process.env.JWT_SECRET;
  if (!jwtSecret) {
    jwtSecret = crypto.randomBytes(32).toString('base64url');
    log('JWT_SECRET is not set: generated a random one for this run (tokens stop working when it ends)', 'start');
  }
  const urls = Object.fromEntries(APP_SERVICES.map((s) => [`${s.name.toUpperCase()}_URL`, `http://127.0.0.1:${s.port}`]));
  const env = {
    ...process.env,
    TS_NODE_BASEURL: './dist',
    DATABASE_URL: state.postgres.url,
    KAFKA_BROKERS: state.kafka.brokers,
    JWT_SECRET: jwtSecret,
    DEMO_DATA: process.env.DEMO_DATA ?? 'true',
    ...urls,
  };

  for (const svc of APP_SERVICES) {
    const child = spawnPrefixed(svc.name, process.execPath, ['-r', 'tsconfig-paths/register', `dist/apps/${svc.name}/src/main.js`], {
      env: { ...env, PORT: String(svc.port) },
    });
    child.serviceName = svc.name;
    if (child.pid) writePidfile(servicePidName(svc.name), child.pid);
    state.children.push(child);
    child.exited.then(({ code, signal }) => {
      if (!state.stopping) shutdown(1, `${svc.name} exited unexpectedly (${signal ?? `exit code ${code}`}); stopping the rest`);
    });
  }

  await Promise.all(
    APP_SERVICES.map(async (svc, i) => {
      const child = state.children[i];
      const started = Date.now();
      await waitForHttp(`http://127.0.0.1:${svc.port}/health`, HEALTH_TIMEOUT_MS, {
        abort: () => {
          if (state.stopping) return 'stopping';
          const exit = child.hasExited();
          return exit ? `${svc.name} exited (${exit.signal ?? `exit code ${exit.code}`}) before answering GET /health` : null;
        },
      });
      log(`${svc.name} healthy on :${svc.port} (${formatDuration(Date.now() - started)})`, 'start');
    }),
  );
  if (state.stopping) return;
  if (DEMO) await demoCases();
  if (!state.stopping) banner(state.postgres);
}

/** The demo cases, through the gateway (scripts/infra/demo-cases.mjs); a failure is reported, not fatal. */
async function demoCases() {
  const gateway = APP_SERVICES.find((s) => s.name === 'gateway');
  try {
    const { worked, unchanged } = await seedDemoCases({ gatewayUrl: `http://127.0.0.1:${gateway.port}` });
    log(worked > 0 ? `demo cases: ${worked} worked through their lifecycle, ${unchanged} as they were` : `demo cases: all ${unchanged} there already`, 'start');
  } catch (err) {
    warn(`demo cases not made: ${err.message}`, 'start');
  }
}

main().catch(async (err) => {
  if (state.stopping) return;
  reportFatal(err, 'start');
  await shutdown(1);
});
