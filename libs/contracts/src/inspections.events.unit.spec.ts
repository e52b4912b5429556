import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { SpotCheckDrawnV1 } from './inspections.events';

const drawn = {
  spotCheckId: '6f1c2a4e-8b7d-4c3a-9e2f-1a2b3c4d5e6f',
  seed: 'seed-1',
  seedHash: 'ab'.repeat(32),
  algorithm: 'weighted-reservoir-v1',
  population: ['unit-a', 'unit-b'],
  weights: { 'unit-a': 1, 'unit-b': 2 },
  sampleSize: 1,
  selectedUnitIds: ['unit-b'],
};

describe('SpotCheckDrawnV1', () => {
  it('passes a strict check (whitelist, forbidNonWhitelisted) with its weights', () => {
    expect(validateSync(plainToInstance(SpotCheckDrawnV1, drawn), { whitelist: true, forbidNonWhitelisted: true })).toEqual([]);
  });

  it('keeps its weights when a check strips undeclared properties', () => {
    const payload = plainToInstance(SpotCheckDrawnV1, drawn);
    validateSync(payload, { whitelist: true });
    expect(payload.weights).toEqual(drawn.weights);
  });

  it('refuses weights that are not an object', () => {
    const errors = validateSync(plainToInstance(SpotCheckDrawnV1, { ...drawn, weights: 'unit-a=1' }), { whitelist: true, forbidNonWhitelisted: true });
    expect(errors.map((e) => e.property)).toEqual(['weights']);
  });
});
