import { Type } from 'class-transformer';
import { IsEmail, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { ServiceEnv } from '@rectify/config';

export class NotificationsEnv extends ServiceEnv {
  override PORT = 3004;

  /** SMTP server for e-mail notices, e.g. smtp://user:pass@mail.example:587; unset: no e-mail. */
  @IsOptional()
  @IsString()
  SMTP_URL?: string;

  @IsEmail({ require_tld: false })
  MAIL_FROM = 'rectify@localhost';

  /** Tries per delivery before it is dead-lettered (visible to admins, re-sendable). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  DELIVERY_MAX_ATTEMPTS = 5;

  /** First retry delay; each next one doubles (capped at an hour). */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  DELIVERY_BASE_DELAY_MS = 2_000;

  @Type(() => Number)
  @IsInt()
  @Min(100)
  WEBHOOK_TIMEOUT_MS = 5_000;

  /** An unacknowledged rectification notice is re-sent after this long, and escalated after twice as long. */
  @Type(() => Number)
  @IsInt()
  @Min(1_000)
  NOTICE_RESEND_AFTER_MS = 48 * 3_600_000;
}
