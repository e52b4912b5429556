#!/usr/bin/env node
// `npm test`: every test against a real Kafka broker and PostgreSQL.
// Installs dependencies if missing, makes sure the broker (left running afterwards) and
// PostgreSQL answer, builds the services, then runs `jest --runInBand` with any extra arguments
// (`npm test -- --selectProjects unit`, `npm test -- libs/event-store`) and exits with its code.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import {
  ROOT,
  buildTypeScript,
  ensureNodeModules,
  formatDuration,
  loadDotEnv,
  log,
  reportFatal,
} from './infra/processes.mjs';
import { buildConsole } from './infra/console-build.mjs';

process.chdir(ROOT);
loadDotEnv();

async function main() {
  const t0 = Date.now();
  await ensureNodeModules();
  const { ensureKafkaArtifacts, ensureKafka, ensureTopics } = await import('./infra/kafka.mjs');
  const { ensurePostgresInfo } = await import('./infra/postgres.mjs');

  await ensureKafkaArtifacts();
  const kafka = await ensureKafka({ detached: true });
  await ensureTopics({ brokers: kafka.brokers });
  const pg = await ensurePostgresInfo({ detached: true });
  if (kafka.startedByUs) {
    log(`the Kafka broker (pid ${kafka.pid}) stays running for the next run; \`npm run infra:down\` stops it`, 'test');
  } else if (!kafka.external) {
    log(`using the Kafka broker already running (pid ${kafka.pid}); \`npm run infra:down\` stops it`, 'test');
  }
  if (pg.kind === 'embedded') log('using the embedded PostgreSQL (left running; `npm run infra:down` stops it)', 'test');

  await buildTypeScript();
  await buildConsole();
  await checkLayers();

  const env = {
    ...process.env,
    DATABASE_URL: pg.url,
    KAFKA_BROKERS: kafka.brokers,
    JWT_SECRET: process.env.JWT_SECRET || crypto.randomBytes(32).toString('base64url'),
    TS_NODE_BASEURL: process.env.TS_NODE_BASEURL ?? './dist',
    // Tells the Jest global setups (libs/test-kit) that the infrastructure is up and dist/ is built.
    RECTIFY_INFRA_READY: '1',
    RECTIFY_BUILT: '1',
  };
  const args = ['--runInBand', ...process.argv.slice(2)];
  log(`infrastructure ready in ${formatDuration(Date.now() - t0)}; running jest ${args.join(' ')}`, 'test');
  log(`KAFKA_BROKERS=${kafka.brokers} DATABASE_URL=${pg.url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@')}`, 'test');

  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'), ...args], { cwd: ROOT, env, stdio: 'inherit' });
  // Jest shares our terminal and process group, so a Ctrl-C reaches it directly: wait for it to
  // finish its teardown. A SIGTERM sent to us alone is passed on.
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  const code = await new Promise((resolve) => {
    child.once('error', (err) => {
      reportFatal(err, 'test');
      resolve(1);
    });
    child.once('exit', (c, signal) => resolve(c ?? (signal === 'SIGINT' ? 130 : 1)));
  });
  log(`jest exited with code ${code} after ${formatDuration(Date.now() - t0)} in total`, 'test');
  return code;
}

/** The layer rules of .dependency-cruiser.cjs (domain purity, no cross-service imports, kafkajs in one place). */
async function checkLayers() {
  const { runOrThrow } = await import('./infra/processes.mjs');
  log('checking layer rules (dependency-cruiser)…', 'test');
  await runOrThrow(process.execPath, [path.join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs'), 'apps', 'libs', '--config', '.dependency-cruiser.cjs']);
}

main().then(
  (code) => process.exit(code),
  (err) => process.exit(reportFatal(err, 'test')),
);
