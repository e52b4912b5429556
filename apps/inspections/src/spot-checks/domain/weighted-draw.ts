import { createHash, createHmac } from 'node:crypto';

export const DRAW_ALGORITHM = 'es-hmac-sha256-v1';

export const seedHashOf = (seed: string): string => createHash('sha256').update(seed, 'utf8').digest('hex');

/**
 * A uniform number in (0, 1) from HMAC-SHA256(seed, unitId): the first 52 bits of the MAC,
 * shifted by half a step so that neither 0 nor 1 can occur.
 */
export function uniformFor(seed: string, unitId: string): number {
  const mac = createHmac('sha256', seed).update(unitId, 'utf8').digest();
  const bits = mac.readUIntBE(0, 6) * 16 + (mac[6] >> 4); // 48 + 4 = 52 bits
  return (bits + 0.5) / 2 ** 52;
}

/**
 * Weighted sampling without replacement (Efraimidis–Spirakis, A-Res): each unit gets the key
 * u^(1/w), compared as ln(u)/w; the `sampleSize` largest keys win, ties broken by unit id.
 * Deterministic in (seed, population, weights): the population is sorted first, so its order
 * as given does not matter.
 */
export function weightedDraw(seed: string, population: readonly string[], weights: Readonly<Record<string, number>>, sampleSize: number): string[] {
  const units = [...new Set(population)].sort();
  return units
    .map((unitId) => {
      const weight = weights[unitId] ?? 1;
      if (!(weight > 0) || !Number.isFinite(weight)) throw new RangeError(`weight of ${unitId} must be a positive number`);
      return { unitId, key: Math.log(uniformFor(seed, unitId)) / weight };
    })
    .sort((a, b) => b.key - a.key || (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0))
    .slice(0, sampleSize)
    .map((entry) => entry.unitId);
}
