const DAY_MS = 86_400_000;

/** DESIGN §3.5: a deadline reminder 7 days and 1 day before the deadline. */
export const REMINDER_LEADS = [
  { kind: '7d', daysBefore: 7 },
  { kind: '1d', daysBefore: 1 },
] as const;

export type ReminderKind = (typeof REMINDER_LEADS)[number]['kind'];

export interface PlannedReminder {
  kind: ReminderKind;
  dueAt: Date;
}

/** The reminders still ahead for `deadline` as of `now` (a reminder whose time has passed is not sent late). */
export function plannedReminders(deadline: Date, now: Date): PlannedReminder[] {
  return REMINDER_LEADS.map(({ kind, daysBefore }) => ({ kind, dueAt: new Date(deadline.getTime() - daysBefore * DAY_MS) })).filter(
    (reminder) => reminder.dueAt > now,
  );
}
