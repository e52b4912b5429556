import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Pool } from 'pg';
import { PG_POOL } from '@rectify/database';
import { SYSTEM_ACTOR } from '../../shared/command-context';
import { CloseCampaignCommand } from '../commands/close-campaign/close-campaign.command';
import { CampaignError } from '../domain/campaign.errors';

const POLL_MS = 2_000;

/**
 * Closes campaigns whose closing time has passed, so their results (and breaches) do not wait
 * for an inspector. Several instances may race: closing is serialised on the campaign's lock and
 * the loser meets CAMPAIGN.CLOSED, which is ignored.
 */
@Injectable()
export class CampaignCloser implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CampaignCloser.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly commands: CommandBus,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running = this.running.then(async () => { await this.closeDue(); }).catch((error: unknown) => this.logger.warn(`closing due campaigns failed: ${String(error)}`));
    }, POLL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  async closeDue(now = new Date()): Promise<number> {
    const { rows } = await this.pool.query<{ id: string }>(
      `SELECT id FROM campaign_list WHERE status = 'open' AND closes_at <= $1 ORDER BY closes_at LIMIT 50`,
      [now],
    );
    for (const { id } of rows) {
      try {
        await this.commands.execute(new CloseCampaignCommand(id, now, { actor: SYSTEM_ACTOR, correlationId: randomUUID(), causationId: null }));
      } catch (error) {
        if (!(error instanceof CampaignError && error.code === 'CAMPAIGN.CLOSED')) throw error;
      }
    }
    return rows.length;
  }
}
