import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** `?page&pageSize` of every list endpoint (DESIGN §6); extend it with the list's own filters. */
export class PageQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page = 1;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize = 20;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Rows fetched with `count(*) OVER () AS total`, turned into the list shape of DESIGN §6. */
export function toPage<Row extends { total: string | number }, T>(rows: Row[], query: PageQuery, toItem: (row: Row) => T): Page<T> {
  return { items: rows.map(toItem), total: rows.length ? Number(rows[0].total) : 0, page: query.page, pageSize: query.pageSize };
}

/** SQL for the page's window; both numbers are validated integers. */
export function pageSql(query: PageQuery): string {
  return `LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`;
}

/** `?flag=true|false` as a boolean (anything else stays a string and fails @IsBoolean). */
export const QueryBoolean = () => Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));
