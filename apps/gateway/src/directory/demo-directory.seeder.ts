import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { GatewayEnv } from '../gateway.env';
import { DEMO_UNITS, DEMO_USERS } from './demo-directory';
import { hashPassword } from './password-hasher';
import { UnitEntity } from './unit.entity';
import { UserEntity } from './user.entity';

// Serialises seeding between gateway instances starting together.
const SEED_LOCK_KEY = 7_410_002;

/** Fills an empty directory with the demo units and users, once. */
@Injectable()
export class DemoDirectorySeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoDirectorySeeder.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly env: GatewayEnv,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.env.DEMO_DATA === 'false') return;
    // Hashed before the transaction so the lock is held for milliseconds, not a second.
    const users = await Promise.all(
      DEMO_USERS.map(async (u) => ({ ...u, id: randomUUID(), passwordHash: await hashPassword(this.env.DEMO_PASSWORD) })),
    );

    const seeded = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK_KEY]);
      const existing = (await manager.count(UnitEntity)) + (await manager.count(UserEntity));
      if (existing > 0) return false;
      await manager.insert(UnitEntity, DEMO_UNITS.map((u) => ({ ...u })));
      await manager.insert(UserEntity, users);
      return true;
    });
    if (seeded) this.logger.log(`demo directory created: ${DEMO_UNITS.length} units, ${users.length} users`);
  }
}
