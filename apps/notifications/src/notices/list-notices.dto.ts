import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { NOTICE_TYPES, type NoticeType } from '@rectify/contracts';
import { PageQuery, QueryBoolean } from '@rectify/http';

export class ListNoticesQuery extends PageQuery {
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  unread?: boolean;

  @IsOptional()
  @IsIn(NOTICE_TYPES)
  type?: NoticeType;
}
