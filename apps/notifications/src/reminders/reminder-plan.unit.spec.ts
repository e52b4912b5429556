import { plannedReminders } from './reminder-plan';

describe('plannedReminders', () => {
  const now = new Date('2026-03-01T08:00:00Z');

  it('plans reminders 7 days and 1 day before a deadline a month away', () => {
    expect(plannedReminders(new Date('2026-03-31T08:00:00Z'), now)).toEqual([
      { kind: '7d', dueAt: new Date('2026-03-24T08:00:00Z') },
      { kind: '1d', dueAt: new Date('2026-03-30T08:00:00Z') },
    ]);
  });

  it('leaves out a reminder whose time has already passed', () => {
    expect(plannedReminders(new Date('2026-03-05T08:00:00Z'), now).map((r) => r.kind)).toEqual(['1d']);
    expect(plannedReminders(new Date('2026-03-01T20:00:00Z'), now)).toEqual([]);
  });
});
