import { commitSeed, draw, verifyDraw } from './spot-check.decide';
import { seedHashOf, uniformFor, weightedDraw } from './weighted-draw';

const population = Array.from({ length: 20 }, (_, i) => `unit-${String(i).padStart(2, '0')}`);

describe('weighted spot-check draw', () => {
  it('gives the same units for the same seed, population and weights, whatever the population order', () => {
    const first = weightedDraw('seed-1', population, {}, 5);
    expect(weightedDraw('seed-1', [...population].reverse(), {}, 5)).toEqual(first);
    expect(first).toHaveLength(5);
    expect(new Set(first).size).toBe(5);
  });

  it('gives a different draw for a different seed', () => {
    expect(weightedDraw('seed-2', population, {}, 5)).not.toEqual(weightedDraw('seed-1', population, {}, 5));
  });

  it('draws uniform numbers strictly inside (0, 1)', () => {
    for (const unit of population) {
      const u = uniformFor('s', unit);
      expect(u).toBeGreaterThan(0);
      expect(u).toBeLessThan(1);
    }
  });

  it('favours heavier units in proportion to weight', () => {
    const weights = { 'unit-00': 10 };
    let heavy = 0;
    const draws = 2000;
    for (let i = 0; i < draws; i++) if (weightedDraw(`seed-${i}`, population, weights, 1)[0] === 'unit-00') heavy++;
    // P = 10 / (10 + 19) ≈ 0.345; uniform would be 0.05.
    expect(heavy / draws).toBeGreaterThan(0.28);
    expect(heavy / draws).toBeLessThan(0.41);
  });

  it('refuses a non-positive weight', () => {
    expect(() => weightedDraw('s', population, { 'unit-03': 0 }, 2)).toThrow(RangeError);
  });
});

describe('draw record verification', () => {
  const command = { spotCheckId: '55555555-5555-4555-8555-555555555555', seed: 'public-seed', population, weights: {}, sampleSize: 3 };
  const committed = commitSeed(command);
  const drawn = draw(command, committed.data.seedHash).data;

  it('commits the sha256 of the seed before drawing', () => {
    expect(committed.data.seedHash).toBe(seedHashOf('public-seed'));
    expect(committed.data).not.toHaveProperty('seed');
  });

  it('confirms an untouched record', () => {
    expect(verifyDraw(committed.data.seedHash, drawn)).toEqual({ ok: true, selectedUnitIds: drawn.selectedUnitIds });
  });

  it('fails a record whose selection was changed', () => {
    const other = population.find((u) => !drawn.selectedUnitIds.includes(u))!;
    expect(verifyDraw(committed.data.seedHash, { ...drawn, selectedUnitIds: [other, ...drawn.selectedUnitIds.slice(1)] }).ok).toBe(false);
  });

  it('fails a record whose seed does not match the committed hash', () => {
    expect(verifyDraw(committed.data.seedHash, { ...drawn, seed: 'another-seed' })).toMatchObject({ ok: false, reason: expect.stringContaining('hash') });
  });

  it('fails a record whose weights were changed', () => {
    const tampered = { ...drawn, weights: { ...drawn.weights, [drawn.selectedUnitIds[0]]: 1e-9 } };
    expect(verifyDraw(committed.data.seedHash, tampered).ok).toBe(false);
  });

  it('refuses a sample larger than the population', () => {
    expect(() => commitSeed({ ...command, sampleSize: 21 })).toThrow(expect.objectContaining({ code: 'SPOT_CHECK.SAMPLE_TOO_LARGE' }));
  });
});
