/**
 * npm run cases -- rebuild | replay <caseId> | verify
 * Works on the rectification database named by DATABASE_URL and DATABASE_NAME_PREFIX.
 */
import { Pool } from 'pg';
import { serviceDatabaseUrl } from '@rectify/database';
import { PgEventStore } from '@rectify/event-store';
import { caseReducer, caseStreamId } from '../cases/case-stream';
import { rebuildReadModels } from './rebuild-read-models';

const USAGE = 'usage: npm run cases -- rebuild | replay <caseId> | verify';

function progressBar(label: string, done: number, total: number): string {
  const width = 30;
  const filled = total ? Math.min(width, Math.round((done / total) * width)) : width;
  return `\r${label.padEnd(12)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`;
}

async function rebuild(store: PgEventStore): Promise<number> {
  let current = '';
  const reports = await rebuildReadModels(store, (projection, applied, total) => {
    if (projection !== current && current) process.stderr.write('\n');
    current = projection;
    process.stderr.write(progressBar(projection, applied, total));
  });
  process.stderr.write('\n');
  for (const r of reports) {
    console.log(`${r.projection}: ${r.rows} rows, ${r.equal ? 'equal to the live read model' : 'DIFFERS from the live read model'}`);
    if (r.firstDifference) console.log(JSON.stringify(r.firstDifference, null, 2));
  }
  const equal = reports.every((r) => r.equal);
  console.log(equal ? 'rebuild: every read model equals the live one' : 'rebuild: mismatch');
  return equal ? 0 : 1;
}

async function replay(store: PgEventStore, caseId: string): Promise<number> {
  const events = await store.readStream(caseStreamId(caseId));
  if (events.length === 0) {
    console.error(`case ${caseId} has no events`);
    return 1;
  }
  let state = caseReducer.initialState();
  for (const event of events) {
    state = caseReducer.evolve(state, event);
    const actor = event.metadata.actor;
    console.log(`v${event.streamVersion} ${event.occurredAt.toISOString()} ${event.type} by ${actor.role}:${actor.id}`);
    console.log(`   data  ${JSON.stringify(event.data)}`);
    if (state.status !== 'none') {
      const { status, deadline, overdue, escalated, returnCount, reopenCount, lookBackAt } = state;
      console.log(`   state ${JSON.stringify({ status, deadline, overdue, escalated, returnCount, reopenCount, lookBackAt })}`);
    }
  }
  return 0;
}

async function verify(store: PgEventStore): Promise<number> {
  let after = '';
  let streams = 0;
  let bad = 0;
  for (;;) {
    const page = await store.listStreams(after, 1000, 'case-');
    if (page.length === 0) break;
    for (const streamId of page) {
      const result = await store.verify(streamId);
      streams += 1;
      if (!result.ok) {
        bad += 1;
        console.log(`${streamId}: TAMPERED at version ${result.firstBadEvent.streamVersion} (event ${result.firstBadEvent.eventId}): ${result.firstBadEvent.reason}`);
      }
    }
    after = page[page.length - 1];
  }
  console.log(`verify: ${streams} case streams checked, ${bad} tampered`);
  return bad === 0 ? 0 : 1;
}

async function main(argv: string[]): Promise<number> {
  const [command, arg] = argv;
  const url = serviceDatabaseUrl(
    { DATABASE_URL: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres', DATABASE_NAME_PREFIX: process.env.DATABASE_NAME_PREFIX ?? 'rectify' },
    'rectification',
  );
  const pool = new Pool({ connectionString: url, max: 4 });
  const store = new PgEventStore(pool);
  try {
    if (command === 'rebuild') return await rebuild(store);
    if (command === 'replay' && arg) return await replay(store, arg);
    if (command === 'verify') return await verify(store);
    console.error(USAGE);
    return 2;
  } finally {
    await pool.end();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
