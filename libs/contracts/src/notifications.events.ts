import { IsIn, IsOptional, IsString, IsUUID } from 'class-validator';

/** Published on `notifications.events`. */
export const NotificationsEventTypes = {
  NoticeIssued: 'NoticeIssued',
  NoticeAcknowledged: 'NoticeAcknowledged',
} as const;

export const NOTICE_TYPES = [
  'rectification_notice',
  'deadline_reminder',
  'overdue',
  'escalation',
  'returned',
  'resolved',
  'closed',
  'inspection_disclosed',
  'bulletin',
] as const;
export type NoticeType = (typeof NOTICE_TYPES)[number];

export class NoticeIssuedV1 {
  @IsUUID()
  noticeId: string;

  @IsIn(NOTICE_TYPES)
  type: NoticeType;

  @IsString()
  unitId: string;

  @IsOptional()
  @IsUUID()
  caseId?: string;

  @IsString()
  title: string;
}

/** A department acknowledged a notice; rectification records it on the case timeline. */
export class NoticeAcknowledgedV1 {
  @IsUUID()
  noticeId: string;

  @IsOptional()
  @IsUUID()
  caseId?: string;

  @IsString()
  unitId: string;

  @IsString()
  acknowledgedBy: string;
}
