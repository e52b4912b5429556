import type { ProjectionRunner } from './projection-runner';

export interface ProjectionDaemonOptions {
  /** Pause between polls when there was nothing to apply. */
  idleMs?: number;
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

  constructor(
    private readonly runners: readonly ProjectionRunner[],
    private readonly options: ProjectionDaemonOptions = {},
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Ask for an immediate poll (e.g. right after this process appended events). */
  poke(): void {
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let applied = 0;
      for (const runner of this.runners) {
        try {
          applied += await runner.catchUp();
        } catch (error) {
          this.options.onError?.(error);
        }
      }
      if (applied === 0 && this.running) await this.sleep(this.options.idleMs ?? 50);
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
