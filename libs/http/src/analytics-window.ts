import { IsISO8601, IsOptional } from 'class-validator';
import { InvalidRequestException } from './problem/invalid-request.exception';

const DAY_MS = 86_400_000;
export const DEFAULT_WINDOW_DAYS = 90;

/** `?from&to`: ISO 8601 instants, both optional. */
export class AnalyticsWindowQuery {
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

/** The half-open window [from, to) the figures are about. */
export interface AnalyticsWindow {
  from: Date;
  to: Date;
}

/** `to` defaults to now, `from` to 90 days before `to`; `from` after `to` is a 400 naming `from`. */
export function resolveWindow(query: AnalyticsWindowQuery, now: Date): AnalyticsWindow {
  const to = query.to === undefined ? now : instant('to', query.to);
  const from = query.from === undefined ? new Date(to.getTime() - DEFAULT_WINDOW_DAYS * DAY_MS) : instant('from', query.from);
  if (from.getTime() > to.getTime()) throw new InvalidRequestException([{ field: 'from', message: 'from must not be after to' }]);
  return { from, to };
}

// ISO 8601 also has week and ordinal dates ("2025-W03"), which Date cannot read.
function instant(field: string, value: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new InvalidRequestException([{ field, message: `${field} must be an ISO 8601 date-time` }]);
  return date;
}
