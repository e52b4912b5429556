/** A ProjectionRunner or a ProjectionGroup: applies what is visible, says how much. */
export interface CatchesUp {
  catchUp(): Promise<number>;
}

export interface ProjectionDaemonOptions {
  /**
   * Rounds start at most this often, and this long after one that found nothing (doubled while
   * that lasts)...
   */
  idleMs?: number;
  /** ...up to this. A poke (this process appended) ends the wait, but not the spacing of rounds. */
  maxIdleMs?: number;
  onError?: (error: unknown) => void;
}

/**
 * Keeps projections caught up in the background. Errors (a database restart, a checkpoint
 * moved by another instance) are reported and retried on the next tick; nothing is skipped
 * because each batch and its checkpoint commit together.
 */
export class ProjectionDaemon {
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private poked = false;

  constructor(
    private readonly runners: readonly CatchesUp[],
    private readonly options: ProjectionDaemonOptions = {},
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Ask for a poll as soon as the spacing of rounds allows (e.g. this process appended events). */
  poke(): void {
    this.poked = true;
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    const { idleMs = 50, maxIdleMs = 500 } = this.options;
    let pause = idleMs;
    let lastRound = 0;
    while (this.running) {
      // Every commit of this process pokes: spaced rounds keep a busy log from costing one each.
      const early = lastRound + idleMs - Date.now();
      if (early > 0) await new Promise((resolve) => setTimeout(resolve, early));
      lastRound = Date.now();
      this.poked = false;
      let applied = 0;
      for (const runner of this.runners) {
        try {
          applied += await runner.catchUp();
        } catch (error) {
          this.options.onError?.(error);
        }
      }
      if (applied > 0 || this.poked) {
        pause = idleMs;
      } else if (this.running) {
        await this.sleep(pause);
        pause = Math.min(pause * 2, Math.max(idleMs, maxIdleMs));
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
