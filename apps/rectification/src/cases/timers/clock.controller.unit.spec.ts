import { NotFoundException } from '@nestjs/common';
import { RectificationEnv } from '../../rectification.env';
import { ClockController } from './clock.controller';
import type { DeadlineWatcher } from './deadline-watcher';

describe('the test clock endpoint', () => {
  const watcher = { tick: jest.fn(async () => ({ fired: [] })) } as unknown as DeadlineWatcher;

  it('does not exist (404) unless RECTIFY_TEST_CLOCK is on, and runs nothing', () => {
    const env = Object.assign(new RectificationEnv(), { RECTIFY_TEST_CLOCK: false });
    expect(() => new ClockController(watcher, env).tick({ now: '2026-03-01T00:00:00.000Z' })).toThrow(NotFoundException);
    expect(watcher.tick).not.toHaveBeenCalled();
  });

  it('runs the watcher at the instant given when it is on', async () => {
    const env = Object.assign(new RectificationEnv(), { RECTIFY_TEST_CLOCK: true });
    await new ClockController(watcher, env).tick({ now: '2026-03-01T00:00:00.000Z' });
    expect(watcher.tick).toHaveBeenCalledWith(new Date('2026-03-01T00:00:00.000Z'));
  });
});
