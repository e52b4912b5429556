import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, Min } from 'class-validator';
import { ServiceEnv } from '@rectify/config';

export class RectificationEnv extends ServiceEnv {
  override PORT = 3001;

  /** How often the deadline watcher looks at the durable timers with the wall clock; 0 turns it off. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  RECTIFY_TIMER_INTERVAL_MS: number = 30_000;

  /** Days from a passed verification to the case's unannounced look-back (DESIGN §3.2). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  RECTIFY_LOOK_BACK_DAYS: number = 90;

  /** Exposes POST /api/cases/_clock/tick (admins only) so tests can run the watcher at any instant. */
  @Transform(({ value }) => value === true || value === 'true')
  @IsBoolean()
  RECTIFY_TEST_CLOCK: boolean = false;
}
