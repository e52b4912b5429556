import { isoWeek, isoWeeksBetween } from './iso-week';

describe('ISO weeks (UTC)', () => {
  it.each([
    ['2021-01-01T12:00:00Z', '2020-W53'], // a Friday: its Thursday is still in 2020
    ['2024-12-30T00:00:00Z', '2025-W01'], // a Monday whose Thursday is in 2025
    ['2025-01-05T23:59:59Z', '2025-W01'], // Sunday ends the week
    ['2025-01-06T00:00:00Z', '2025-W02'],
    ['2026-12-31T08:00:00Z', '2026-W53'],
  ])('%s is in %s', (at, week) => {
    expect(isoWeek(new Date(at))).toBe(week);
  });

  it('lists every week with a day in [from, to), in order', () => {
    expect(isoWeeksBetween(new Date('2025-01-01T00:00:00Z'), new Date('2025-01-15T00:00:00Z'))).toEqual(['2025-W01', '2025-W02', '2025-W03']);
  });

  it('leaves out the week that starts exactly at `to`', () => {
    expect(isoWeeksBetween(new Date('2024-12-30T00:00:00Z'), new Date('2025-01-06T00:00:00Z'))).toEqual(['2025-W01']);
  });

  it('includes a week entered in the last hours of the window', () => {
    expect(isoWeeksBetween(new Date('2025-01-05T12:00:00Z'), new Date('2025-01-06T06:00:00Z'))).toEqual(['2025-W01', '2025-W02']);
  });

  it('has no week for an empty window', () => {
    const at = new Date('2025-01-01T00:00:00Z');
    expect(isoWeeksBetween(at, at)).toEqual([]);
  });
});
