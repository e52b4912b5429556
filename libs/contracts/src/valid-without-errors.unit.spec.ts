import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { plainToInstance, Type } from 'class-transformer';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import {
  ArrayMaxSize,
  ArrayMinSize,
  getMetadataStorage,
  IsArray,
  IsBoolean,
  IsDefined,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  registerDecorator,
  ValidateIf,
  ValidateNested,
  validateSync,
  type ValidatorOptions,
} from 'class-validator';
import { validWithoutErrors } from './valid-without-errors';

// The option sets the code base validates with: the HTTP pipe (as Nest passes them), Kafka
// payloads, the envelope (unknown fields stripped), configuration (unknown values refused).
const OPTION_SETS: Record<string, ValidatorOptions> = {
  pipe: { forbidUnknownValues: false, whitelist: true, forbidNonWhitelisted: true, validationError: { target: false } },
  payload: { whitelist: true, forbidNonWhitelisted: true },
  stripping: { whitelist: true },
  config: { forbidUnknownValues: true },
};

class Source {
  @IsIn(['manual', 'inspection_finding'])
  kind!: string;

  @IsOptional()
  @IsString()
  @MaxLength(8)
  ref?: string;
}

class Measure {
  @IsString()
  @IsNotEmpty()
  description!: string;

  @IsISO8601()
  dueDate!: string;
}

class Everything {
  @IsUUID()
  id!: string;

  @IsString()
  @MinLength(2)
  @MaxLength(10)
  title!: string;

  @IsInt()
  @Min(1)
  @Max(30)
  days!: number;

  @IsOptional()
  @IsNumber()
  score?: number;

  @IsBoolean()
  urgent!: boolean;

  @ValidateNested()
  @Type(() => Source)
  source!: Source;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @ValidateNested({ each: true })
  @Type(() => Measure)
  measures!: Measure[];

  @IsOptional()
  @IsString({ each: true })
  tags?: string[];

  @ValidateIf((object: Everything) => object.urgent === true)
  @IsString()
  reason?: string;

  @IsOptional()
  @IsEmail()
  email?: string;

  @IsOptional()
  @IsUrl({ require_tld: false })
  url?: string;

  @IsOptional()
  @Matches(/^[a-z]+$/)
  slug?: string;

  @IsOptional()
  @IsObject()
  extra?: Record<string, unknown>;

  @IsDefined()
  present!: unknown;
}

class Parent {
  @IsInt()
  @Min(0)
  count!: number;
}

class Child extends Parent {
  @IsString()
  name!: string;
}

/** A class without rules: refused or accepted as forbidUnknownValues says. */
class Bare {
  name?: string;
}

class WithAsyncRule {
  @IsString()
  name!: string;

  constructor() {
    registerDecorator({
      name: 'takesTime',
      target: WithAsyncRule,
      propertyName: 'name',
      async: true,
      validator: { validate: async () => false },
    });
  }
}

interface Storage {
  getTargetValidationMetadatas(target: Function, schema: string | undefined, always: boolean, strictGroups: boolean): Array<{ propertyName: string; type: string; constraints?: unknown[]; constraintCls: Function; each?: boolean }>;
  getTargetValidatorConstraints(target: Function): Array<{ name: string }>;
}
const storage = getMetadataStorage() as unknown as Storage;

/** Seeded, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ODD_VALUES: unknown[] = ['', 'x', 'x'.repeat(300), 'not-a-uuid', '2026-13-45', 0, -1, 1.5, 7, 2 ** 40, true, false, null, [], {}, ['a'], [1, 2], { a: 1 }, [{}]];

/**
 * Plain values for a class's properties: mostly values its rules accept (taken from the rules:
 * IsIn lists, length and size bounds, nested classes), some replaced by odd values or left out,
 * sometimes a property it does not declare. Both verdicts come up often.
 */
function sampler(seed: number) {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];

  const fitting = (target: Function, property: string, rules: ReturnType<Storage['getTargetValidationMetadatas']>, depth: number): unknown => {
    const names = new Map<string, unknown[]>();
    for (const rule of rules) {
      const [constraint] = rule.constraintCls ? storage.getTargetValidatorConstraints(rule.constraintCls) : [];
      names.set(constraint?.name ?? rule.type, rule.constraints ?? []);
    }
    const nested = rules.some((rule) => rule.type === 'nestedValidation');
    const typed = defaultMetadataStorage.findTypeMetadata(target, property)?.typeFunction() as Function | undefined;
    const each = rules.some((rule) => rule.each);
    const size = () => {
      const min = Number(names.get('arrayMinSize')?.[0] ?? 0);
      const max = Number(names.get('arrayMaxSize')?.[0] ?? 3);
      return min + Math.floor(next() * (Math.min(max, min + 3) - min + 1));
    };
    const one = (): unknown => {
      if (nested && typed && typed !== Object) return depth > 3 ? {} : sample(typed, depth + 1);
      if (names.has('isIn')) return pick(names.get('isIn')![0] as unknown[]);
      if (names.has('isEnum')) return pick(Object.values(names.get('isEnum')![0] as object));
      if (names.has('isUuid')) return randomUUID();
      if (names.has('isIso8601') || names.has('isDateString')) return new Date(Date.UTC(2026, 0, 1 + Math.floor(next() * 300))).toISOString();
      if (names.has('isBoolean')) return next() < 0.5;
      if (names.has('isEmail')) return 'clerk@example.org';
      if (names.has('isUrl')) return 'https://example.org/hook';
      if (names.has('isInt') || names.has('isNumber') || names.has('min') || names.has('max')) {
        const min = Number(names.get('min')?.[0] ?? 0);
        const max = Number(names.get('max')?.[0] ?? min + 100);
        return min + Math.floor(next() * (max - min + 1));
      }
      if (names.has('isObject')) return { note: 'x' };
      if (names.has('matches')) return pick(['abc', 'unit-a', 'a'.repeat(64), 'Not A Slug']);
      const min = Number(names.get('minLength')?.[0] ?? (names.has('isNotEmpty') ? 1 : 0));
      const max = Number(names.get('maxLength')?.[0] ?? min + 20);
      return 'v'.repeat(min + Math.floor(next() * (Math.min(max, min + 40) - min + 1)));
    };
    return names.has('isArray') || each ? Array.from({ length: size() }, one) : one();
  };

  const sample = (target: Function, depth = 0): Record<string, unknown> => {
    const rules = storage.getTargetValidationMetadatas(target, undefined, false, false);
    const properties = [...new Set(rules.map((rule) => rule.propertyName))];
    const plain: Record<string, unknown> = {};
    for (const property of properties) {
      const roll = next();
      if (roll < 0.04) continue; // left out
      const own = rules.filter((rule) => rule.propertyName === property);
      plain[property] = roll < 0.1 ? pick(ODD_VALUES) : fitting(target, property, own, depth);
    }
    if (next() < 0.04) plain.undeclared = 'x';
    return plain;
  };
  return sample;
}

/** Both verdicts for one plain value under one option set (class-validator may strip the instance: two instances). */
function verdicts(target: Function, plain: unknown, options: ValidatorOptions): { fast: boolean; classValidator: boolean } {
  const fast = validWithoutErrors(plainToInstance(target as new () => object, plain) as object, options);
  const classValidator = validateSync(plainToInstance(target as new () => object, plain) as object, options).length === 0;
  return { fast, classValidator };
}

/** Compares the verdicts on `samples` sampled values per option set; counts each. */
function compare(target: Function, samples: number, seed: number) {
  const sample = sampler(seed);
  const counts = { valid: 0, invalid: 0, disagreements: [] as string[] };
  for (let i = 0; i < samples; i++) {
    const plain = sample(target);
    for (const [name, options] of Object.entries(OPTION_SETS)) {
      const { fast, classValidator } = verdicts(target, plain, options);
      if (fast && !classValidator) counts.disagreements.push(`${target.name} (${name}, seed ${seed}, #${i}): ${JSON.stringify(plain)}`);
      // False only means "ask class-validator": a valid value it leaves undecided costs time, not
      // correctness, but only a value class-validator has to strip (a property without rules, at
      // any depth) should need it.
      if (!fast && classValidator && name !== 'stripping') {
        counts.disagreements.push(`${target.name} (${name}, undecided, seed ${seed}, #${i}): ${JSON.stringify(plain)}`);
      }
      if (classValidator) counts.valid += 1;
      else counts.invalid += 1;
    }
  }
  return counts;
}

/** Every exported class with validation rules from the files that declare request bodies, queries, payloads and settings. */
function declaredClasses(): Function[] {
  const root = join(__dirname, '..', '..', '..');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(dto|query|events|env)\.ts$/.test(entry.name) || /^(envelope|pagination|analytics-window)\.ts$/.test(entry.name)) files.push(path);
    }
  };
  for (const top of ['apps', 'libs']) {
    for (const project of readdirSync(join(root, top))) {
      const src = join(root, top, project, 'src');
      try {
        walk(src);
      } catch {
        // a project without src (the console's assets)
      }
    }
  }
  const classes = new Set<Function>();
  for (const file of files) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    for (const exported of Object.values(require(file) as Record<string, unknown>)) {
      if (typeof exported === 'function' && storage.getTargetValidationMetadatas(exported, undefined, false, false).length > 0) classes.add(exported);
    }
  }
  return [...classes];
}

describe('validWithoutErrors', () => {
  it('passes exactly what class-validator passes, for every kind of rule the code base uses', () => {
    for (const [target, seed] of [[Everything, 1], [Child, 2], [Source, 3], [Measure, 4]] as const) {
      const counts = compare(target, 400, seed);
      expect(counts.disagreements).toEqual([]);
      expect(counts.valid).toBeGreaterThan(0);
      expect(counts.invalid).toBeGreaterThan(0);
    }
  });

  it('passes exactly what class-validator passes for every DTO, query, payload and settings class of the services', () => {
    const classes = declaredClasses();
    expect(classes.length).toBeGreaterThan(30);
    let withValidSamples = 0;
    classes.forEach((target, i) => {
      const counts = compare(target, 60, 100 + i);
      expect(counts.disagreements).toEqual([]);
      if (counts.valid > 0) withValidSamples += 1;
    });
    // The sampler fits values to the rules, so nearly every class gets valid values too.
    expect(withValidSamples).toBeGreaterThan(classes.length * 0.8);
  });

  it('refuses a property without rules, a wrong item deep in a nested array and a missing nested object', () => {
    const valid = { id: randomUUID(), title: 'ok title', days: 3, urgent: false, source: { kind: 'manual' }, measures: [{ description: 'roster', dueDate: '2026-01-02' }], present: 1 };
    const check = (plain: object) => validWithoutErrors(plainToInstance(Everything, plain), OPTION_SETS.pipe);
    expect(check(valid)).toBe(true);
    expect(check({ ...valid, undeclared: 1 })).toBe(false);
    expect(check({ ...valid, measures: [valid.measures[0], { description: 'x', dueDate: 'soon' }] })).toBe(false);
    expect(check({ ...valid, source: undefined })).toBe(true); // ValidateNested alone lets undefined through, as class-validator does
    expect(check({ ...valid, source: 'manual' })).toBe(false);
    expect(check({ ...valid, urgent: true })).toBe(false); // reason is required then
    expect(check({ ...valid, present: undefined })).toBe(false);
  });

  it('follows forbidUnknownValues for a class without rules, and skips asynchronous rules as validateSync does', () => {
    expect(validWithoutErrors(new Bare(), { forbidUnknownValues: true })).toBe(false);
    expect(validWithoutErrors(new Bare(), { forbidUnknownValues: false })).toBe(true);
    expect(validWithoutErrors(Object.assign(new Bare(), { name: 'x' }), { forbidUnknownValues: false, whitelist: true })).toBe(false);
    const withAsync = Object.assign(new WithAsyncRule(), { name: 'x' });
    expect(validateSync(withAsync)).toEqual([]);
    expect(validWithoutErrors(withAsync)).toBe(true);
  });

  it('leaves options it does not decide, and values that are not objects, to class-validator', () => {
    const child = Object.assign(new Child(), { count: 1, name: 'x' });
    expect(validWithoutErrors(child, { whitelist: true })).toBe(true);
    expect(validWithoutErrors(child, { groups: ['admin'] })).toBe(false);
    expect(validWithoutErrors(child, { skipMissingProperties: true })).toBe(false);
    expect(validWithoutErrors(null as unknown as object)).toBe(false);
  });
});
