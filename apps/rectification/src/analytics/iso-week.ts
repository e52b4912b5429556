const DAY_MS = 86_400_000;

/** The ISO 8601 week (UTC) of an instant, as PostgreSQL's to_char(…, 'IYYY-"W"IW') writes it: `2025-W03`. */
export function isoWeek(at: Date): string {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  // The Thursday of the same week decides its year.
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / DAY_MS + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** Every ISO week that has a day in [from, to), in order; an empty window has none. */
export function isoWeeksBetween(from: Date, to: Date): string[] {
  const weeks: string[] = [];
  for (let t = from.getTime(); t < to.getTime(); t += DAY_MS) {
    const week = isoWeek(new Date(t));
    if (weeks[weeks.length - 1] !== week) weeks.push(week);
  }
  // The last day of the window may start a week that the daily steps jumped over.
  if (to.getTime() > from.getTime()) {
    const last = isoWeek(new Date(to.getTime() - 1));
    if (weeks[weeks.length - 1] !== last) weeks.push(last);
  }
  return weeks;
}
