import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const runDir = join(__dirname, '..', '..', '..', '..', '.cache', 'run');

/**
 * Two e2e runs on one machine (two developers' terminals, or a run beside CI) must not share
 * ports or databases: each takes the first free slot, held by a lock file naming its pid.
 */
export function claimSlot(maxSlots = 10): number {
  mkdirSync(runDir, { recursive: true });
  // RECTIFY_E2E_SLOT pins a slot, for runs from another checkout of the repository.
  const pinned = process.env.RECTIFY_E2E_SLOT === undefined ? undefined : Number(process.env.RECTIFY_E2E_SLOT);
  for (let slot = pinned ?? 0; slot < (pinned === undefined ? maxSlots : pinned + 1); slot++) {
    const lock = lockFile(slot);
    if (heldByLiveProcess(lock)) continue;
    rmSync(lock, { force: true });
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return slot;
    } catch {
      // another run took it between our check and our create: try the next one
    }
  }
  throw new Error(`all ${maxSlots} e2e slots are busy (see ${runDir}/e2e-slot-*.lock)`);
}

export function releaseSlot(slot: number): void {
  rmSync(lockFile(slot), { force: true });
}

export const stateFileOf = (slot: number) => join(runDir, `e2e-stack-${slot}.json`);

const lockFile = (slot: number) => join(runDir, `e2e-slot-${slot}.lock`);

function heldByLiveProcess(lock: string): boolean {
  try {
    process.kill(Number(readFileSync(lock, 'utf8')), 0);
    return true;
  } catch {
    return false;
  }
}
