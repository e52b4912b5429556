import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { ServiceEnv } from '@rectify/config';

export class EvaluationsEnv extends ServiceEnv {
  override PORT = 3003;

  /**
   * AES-256-GCM key (64 hex characters) for reporters' optional contact details at rest.
   * Unset: reports are still accepted, but a report carrying contact details is refused (400).
   */
  @IsOptional()
  @Matches(/^[0-9a-fA-F]{64}$/, { message: 'REPORT_CONTACT_KEY must be 64 hexadecimal characters (32 bytes)' })
  REPORT_CONTACT_KEY?: string;

  /** Requests one client address may make to /api/public/* at once… */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  PUBLIC_RATE_LIMIT_BURST: number = 60;

  /** …and how many more it regains per minute. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  PUBLIC_RATE_LIMIT_PER_MINUTE: number = 60;

  /** How long the follow-up poll opened for a breach case's verification takes ballots. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  FOLLOW_UP_POLL_DAYS: number = 14;
}
