import type { Logger } from '@nestjs/common';
import { CaseError } from '../domain/case.errors';

/**
 * A consumed event whose effect the case refuses (already resolved, verifier not independent…)
 * is still kept on the timeline; the refusal is logged, not retried: retrying cannot change it.
 */
export async function reactOrLog(logger: Logger, what: string, effect: () => Promise<unknown>): Promise<void> {
  try {
    await effect();
  } catch (error) {
    if (!(error instanceof CaseError)) throw error;
    logger.warn(`${what}: ${error.code} ${error.message}`);
  }
}
