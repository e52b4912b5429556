import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PgEventStore } from '@rectify/event-store';
import { Pool } from 'pg';
import { openEventLog } from './event-log';

describe('openEventLog', () => {
  const dir = mkdtempSync(join(tmpdir(), 'event-log-'));
  const module = join(dir, 'log.js');
  writeFileSync(module, "exports.quietLog = (pool) => ({ pool, readAll: async () => [] });\nexports.notAFactory = 42;\n");
  // Never connects: a Pool opens connections only when asked for one.
  const pool = new Pool();

  afterAll(async () => {
    await pool.end();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads the whole event store when no module is named', () => {
    expect(openEventLog(pool)).toBeInstanceOf(PgEventStore);
  });

  it('builds the log with the named export of the named module, given the pool', () => {
    const log = openEventLog(pool, { module, factory: 'quietLog' }) as unknown as { pool: Pool };
    expect(log.pool).toBe(pool);
  });

  it('refuses a module whose export of that name is not a factory', () => {
    expect(() => openEventLog(pool, { module, factory: 'notAFactory' })).toThrow(`${module} exports no event log factory named notAFactory`);
    expect(() => openEventLog(pool, { module, factory: 'missing' })).toThrow('exports no event log factory named missing');
  });
});
