import { Body, Controller, NotFoundException, HttpCode, Post } from '@nestjs/common';
import { IsISO8601 } from 'class-validator';
import { Roles } from '@rectify/auth';
import { RectificationEnv } from '../../rectification.env';
import { DeadlineWatcher } from './deadline-watcher';

export class TickDto {
  @IsISO8601({ strict: true })
  now: string;
}

/**
 * Runs the deadline watcher at a given instant, for tests and demos only: it exists only
 * when RECTIFY_TEST_CLOCK=true, and only for admins. Production time comes from the wall clock.
 */
@Controller('api/cases/_clock')
export class ClockController {
  constructor(
    private readonly watcher: DeadlineWatcher,
    private readonly env: RectificationEnv,
  ) {}

  @Post('tick')
  @HttpCode(200)
  @Roles('admin')
  tick(@Body() dto: TickDto) {
    if (!this.env.RECTIFY_TEST_CLOCK) throw new NotFoundException('no such route: the test clock is disabled (RECTIFY_TEST_CLOCK)');
    return this.watcher.tick(new Date(dto.now));
  }
}
