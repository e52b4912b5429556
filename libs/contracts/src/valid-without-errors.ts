import { getMetadataStorage, type ValidationArguments, type ValidationError, ValidationTypes, type ValidatorOptions, validateSync } from 'class-validator';

/** The parts of class-validator's metadata this check reads (ValidationMetadata, ConstraintMetadata). */
interface Rule {
  type: string;
  target: Function | string;
  propertyName: string;
  constraints: unknown[];
  constraintCls: Function;
  each?: boolean;
  validateIf?: (object: object, value: unknown) => boolean;
}

interface Constraint {
  async: boolean;
  instance: { validate(value: unknown, args: ValidationArguments): unknown };
}

interface Storage {
  getTargetValidationMetadatas(target: Function, schema: string | undefined, always: boolean, strictGroups: boolean, groups?: string[]): Rule[];
  groupByPropertyName(rules: Rule[]): Record<string, Rule[]>;
  getTargetValidatorConstraints(target: Function): Constraint[];
}

/** One property's rules, sorted as ValidationExecutor.execute sorts them on every call. */
interface PropertyRules {
  name: string;
  defined: Rule[];
  conditions: Rule[];
  custom: Rule[];
  nested: Rule[];
  promised: boolean;
}

/** Options under which a pass is decided here; any other (groups, skipping...) goes to class-validator. */
const DECIDED_HERE = new Set(['whitelist', 'forbidNonWhitelisted', 'forbidUnknownValues', 'validationError', 'stopAtFirstError', 'enableDebugMessages', 'dismissDefaultMessages']);

const plans = new WeakMap<Record<string, Rule[]>, PropertyRules[]>();

/**
 * True only when class-validator's `validateSync(object, options)` would find no error, found
 * by the same rules (the constraint instances class-validator itself calls) walked the way its
 * ValidationExecutor walks them, without building an error per property and throwing the empty
 * ones away: most of what validating a valid body cost (ADR 015). False means "not decided
 * here": ask class-validator, which also words the errors. A rule it cannot decide synchronously
 * (a promise) or options it does not know make it answer false.
 */
export function validWithoutErrors(object: object, options: ValidatorOptions = {}): boolean {
  if (typeof object !== 'object' || object === null) return false;
  for (const key of Object.keys(options)) {
    if (!DECIDED_HERE.has(key) && (options as Record<string, unknown>)[key] !== undefined) return false;
  }
  return new Walk(getMetadataStorage() as unknown as Storage, options).passes(object, undefined);
}

/**
 * class-validator's `validateSync`, with a valid object recognised by validWithoutErrors: the
 * same errors (none, or class-validator's own), without its error objects for a valid one.
 */
export function validateQuickly(object: object, options?: ValidatorOptions): ValidationError[] {
  return validWithoutErrors(object, options) ? [] : validateSync(object, options);
}

class Walk {
  private readonly forbidUnknownValues: boolean;

  constructor(
    private readonly storage: Storage,
    private readonly options: ValidatorOptions,
  ) {
    this.forbidUnknownValues = options.forbidUnknownValues !== false;
  }

  /** ValidationExecutor.execute: the object's own rules, whitelist first. */
  passes(object: object, schema: string | undefined): boolean {
    const rules = this.storage.getTargetValidationMetadatas(object.constructor, schema as string, false, false, undefined);
    if (rules.length === 0 && this.forbidUnknownValues) return false;
    const grouped = this.storage.groupByPropertyName(rules);
    // A property without rules is an error (forbidNonWhitelisted) or is deleted: class-validator's to do.
    if (this.options.whitelist) {
      for (const key of Object.keys(object)) if (!grouped[key]?.length) return false;
    }
    for (const property of planOf(grouped)) {
      const value = (object as Record<string, unknown>)[property.name];
      if (property.promised && value instanceof Promise) return false;
      if (!this.propertyPasses(object, value, property.name, property)) return false;
    }
    return true;
  }

  /** ValidationExecutor.performValidations with no skip* option set. */
  private propertyPasses(object: object, value: unknown, name: string, rules: Omit<PropertyRules, 'name' | 'promised'>): boolean {
    // Every condition is asked, as class-validator asks them all before combining.
    let applies = true;
    for (const rule of rules.conditions) applies = Boolean((rule.constraints[0] as (o: object, v: unknown) => unknown)(object, value)) && applies;
    if (!applies) return true;
    return this.customPass(object, value, name, rules.defined) && this.customPass(object, value, name, rules.custom) && this.nestedPasses(value, rules.nested);
  }

  /** ValidationExecutor.customValidations: asynchronous constraints are skipped, as validateSync skips them. */
  private customPass(object: object, value: unknown, name: string, rules: Rule[]): boolean {
    for (const rule of rules) {
      if (rule.validateIf && !rule.validateIf(object, value)) continue;
      for (const constraint of this.storage.getTargetValidatorConstraints(rule.constraintCls)) {
        if (constraint.async) continue;
        const args: ValidationArguments = {
          targetName: object.constructor ? object.constructor.name : (undefined as unknown as string),
          property: rule.propertyName ?? name,
          object,
          value,
          constraints: rule.constraints,
        };
        const items = rule.each ? asArray(value) : undefined;
        const results = items ? items.map((item) => constraint.instance.validate(item, args)) : [constraint.instance.validate(value, args)];
        for (const result of results) {
          if (isPromise(result) || !result) return false;
        }
      }
    }
    return true;
  }

  /** ValidationExecutor.nestedValidations: arrays, sets and maps item by item, objects by their own rules. */
  private nestedPasses(value: unknown, rules: Rule[]): boolean {
    if (value === undefined) return true;
    for (const rule of rules) {
      const items = asArray(value);
      if (items) {
        for (let i = 0; i < items.length; i++) {
          if (!this.propertyPasses(value as object, items[i], String(i), { defined: [], conditions: [], custom: [], nested: rules })) return false;
        }
      } else if (value instanceof Object) {
        if (!this.passes(value, typeof rule.target === 'string' ? rule.target : rule.target.name)) return false;
      } else {
        return false;
      }
    }
    return true;
  }
}

function planOf(grouped: Record<string, Rule[]>): PropertyRules[] {
  let plan = plans.get(grouped);
  if (!plan) {
    plan = Object.keys(grouped).map((name) => {
      const rules = grouped[name];
      const others = rules.filter((rule) => rule.type !== ValidationTypes.IS_DEFINED && rule.type !== ValidationTypes.WHITELIST);
      return {
        name,
        defined: rules.filter((rule) => rule.type === ValidationTypes.IS_DEFINED),
        conditions: others.filter((rule) => rule.type === ValidationTypes.CONDITIONAL_VALIDATION),
        custom: others.filter((rule) => rule.type === ValidationTypes.CUSTOM_VALIDATION),
        nested: others.filter((rule) => rule.type === ValidationTypes.NESTED_VALIDATION),
        promised: others.some((rule) => rule.type === ValidationTypes.PROMISE_VALIDATION),
      };
    });
    plans.set(grouped, plan);
  }
  return plan;
}

/** An array, a set's or a map's values (as class-validator's convertToArray); undefined for anything else. */
function asArray(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (value instanceof Set) return Array.from(value);
  if (value instanceof Map) return Array.from(value.values());
  return undefined;
}

function isPromise(value: unknown): boolean {
  return value !== null && typeof value === 'object' && typeof (value as { then?: unknown }).then === 'function';
}
