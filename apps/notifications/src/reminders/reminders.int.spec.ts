import type { Pool } from 'pg';
import type { QueryRunner } from 'typeorm';
import { migrateEventStore, PgEventStore, withTransaction } from '@rectify/event-store';
import { freshTestDatabase } from '@rectify/test-kit';
import { NOTIFICATIONS_MIGRATIONS } from '../migrations';
import { cancelReminders, scheduleReminders } from './reminder-schedule';
import { issueDueReminders } from './reminder-worker';

const DAY = 86_400_000;

describe('deadline reminders on a driven clock (real PostgreSQL)', () => {
  let pool: Pool;
  let store: PgEventStore;
  const t0 = new Date('2026-03-01T08:00:00Z');
  const at = (days: number, hours = 0) => new Date(t0.getTime() + days * DAY + hours * 3_600_000);
  const caseId = '3f0b6a52-8a57-4f0e-9d53-7d8f1c2b4a10';

  beforeAll(async () => {
    ({ pool } = await freshTestDatabase('rectify_test_notifications_reminders'));
    await migrateEventStore(pool);
    const runner = { query: (sql: string) => pool.query(sql) } as unknown as QueryRunner;
    for (const Migration of NOTIFICATIONS_MIGRATIONS) await new Migration().up(runner);
    store = new PgEventStore(pool);
  });
  afterAll(() => pool.end());

  const reminders = async () =>
    (await pool.query<{ title: string; created_at: Date }>(`SELECT title, created_at FROM notices WHERE type = 'deadline_reminder' AND case_id = $1 ORDER BY created_at`, [caseId])).rows;

  it('sends 7- and 1-day reminders once each, follows a moved deadline, and stops when the case ends', async () => {
    await withTransaction(pool, (tx) => scheduleReminders(tx, { caseId, unitId: 'unit-a', deadline: at(30) }, t0));

    expect(await issueDueReminders(pool, store, at(22))).toBe(0);
    expect(await issueDueReminders(pool, store, at(23, 1))).toBe(1); // 7 days before day 30
    expect(await issueDueReminders(pool, store, at(23, 2))).toBe(0); // never twice

    // The deadline moves to day 40: the pending 1-day reminder for day 30 is replaced.
    await withTransaction(pool, (tx) => scheduleReminders(tx, { caseId, unitId: 'unit-a', deadline: at(40) }, at(24)));
    expect(await issueDueReminders(pool, store, at(29, 1))).toBe(0);
    expect(await issueDueReminders(pool, store, at(33, 1))).toBe(1); // 7 days before day 40

    // The case is resolved: the 1-day reminder for day 40 is cancelled.
    await withTransaction(pool, (tx) => cancelReminders(tx, caseId));
    expect(await issueDueReminders(pool, store, at(39, 1))).toBe(0);

    const sent = await reminders();
    expect(sent.map((n) => n.created_at)).toEqual([at(23, 1), at(33, 1)]);
    expect(sent[0].title).toContain('2026-03-31');
    expect(sent[1].title).toContain('2026-04-10');
  });
});
