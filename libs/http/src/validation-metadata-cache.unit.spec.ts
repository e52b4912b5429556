import { IsInt, IsString, Min, validateSync } from 'class-validator';
import { cacheValidationMetadata } from './validation-metadata-cache';

class Finding {
  @IsString()
  unitId!: string;
}

const problems = (object: object) =>
  validateSync(object, { whitelist: true, forbidNonWhitelisted: true }).map((error) => [error.property, Object.keys(error.constraints ?? {})]);

describe('cacheValidationMetadata', () => {
  beforeAll(() => cacheValidationMetadata());

  it('validates as before, every time', () => {
    for (let i = 0; i < 3; i++) {
      expect(problems(Object.assign(new Finding(), { unitId: 'unit-a' }))).toEqual([]);
      expect(problems(Object.assign(new Finding(), { unitId: 7, extra: true }))).toEqual([
        ['extra', ['whitelistValidation']],
        ['unitId', ['isString']],
      ]);
    }
  });

  it('sees rules declared after it was installed and after a class was first validated', () => {
    class Later {
      @IsInt()
      @Min(1)
      count!: number;
    }
    expect(problems(Object.assign(new Later(), { count: 0 }))).toEqual([['count', ['min']]]);
    class Child extends Later {
      @IsString()
      name!: string;
    }
    expect(problems(Object.assign(new Child(), { count: 2, name: 3 }))).toEqual([['name', ['isString']]]);
    expect(problems(Object.assign(new Later(), { count: 2, name: 'x' }))).toEqual([['name', ['whitelistValidation']]]);
  });

  it('installs once', () => {
    cacheValidationMetadata();
    expect(problems(Object.assign(new Finding(), { unitId: 'unit-a' }))).toEqual([]);
  });
});
