import type { SpotCheckDrawnV1 } from '@rectify/contracts';
import { SpotCheckError } from './spot-check.errors';
import { DRAW_ALGORITHM, seedHashOf, weightedDraw } from './weighted-draw';

export interface DrawSpotCheck {
  spotCheckId: string;
  seed: string;
  /** The population as resolved from the unit directory at draw time (the snapshot). */
  population: string[];
  weights: Record<string, number>;
  sampleSize: number;
}

/** The first event: the seed's hash, committed before any unit is drawn. */
export function commitSeed(command: DrawSpotCheck) {
  if (command.population.length === 0) throw SpotCheckError.emptyPopulation();
  if (command.sampleSize > command.population.length) throw SpotCheckError.sampleTooLarge(command.population.length);
  return { type: 'SpotCheckSeedCommitted' as const, data: { spotCheckId: command.spotCheckId, seedHash: seedHashOf(command.seed), algorithm: DRAW_ALGORITHM } };
}

export function draw(command: DrawSpotCheck, committedSeedHash: string) {
  const population = [...new Set(command.population)].sort();
  const weights = Object.fromEntries(population.map((id) => [id, command.weights[id] ?? 1]));
  const data: SpotCheckDrawnV1 = {
    spotCheckId: command.spotCheckId,
    seed: command.seed,
    seedHash: committedSeedHash,
    algorithm: DRAW_ALGORITHM,
    population,
    weights,
    sampleSize: command.sampleSize,
    selectedUnitIds: weightedDraw(command.seed, population, weights, command.sampleSize),
  };
  return { type: 'SpotCheckDrawn' as const, data };
}

export interface VerifyResult {
  ok: boolean;
  selectedUnitIds: string[];
  reason?: string;
}

/** Re-runs a recorded draw: the seed must match the hash committed first, and the units must match. */
export function verifyDraw(committedSeedHash: string, drawn: SpotCheckDrawnV1): VerifyResult {
  if (drawn.algorithm !== DRAW_ALGORITHM) return { ok: false, selectedUnitIds: [], reason: `unknown algorithm ${drawn.algorithm}` };
  if (seedHashOf(drawn.seed) !== committedSeedHash) return { ok: false, selectedUnitIds: [], reason: 'the seed does not match the committed hash' };
  let rerun: string[];
  try {
    rerun = weightedDraw(drawn.seed, drawn.population, drawn.weights, drawn.sampleSize);
  } catch (error) {
    return { ok: false, selectedUnitIds: [], reason: (error as Error).message };
  }
  const same = rerun.length === drawn.selectedUnitIds.length && rerun.every((id, i) => id === drawn.selectedUnitIds[i]);
  return same ? { ok: true, selectedUnitIds: rerun } : { ok: false, selectedUnitIds: rerun, reason: 'the recorded selection differs from the re-run' };
}
