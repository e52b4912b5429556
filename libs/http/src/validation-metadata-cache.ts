import { getMetadataStorage } from 'class-validator';

type Lookup = (target: unknown, schema: string, always: boolean, strictGroups: boolean, groups?: string[]) => unknown[];

interface Storage {
  getTargetValidationMetadatas: Lookup;
  groupByPropertyName(metadata: unknown[]): Record<string, unknown[]>;
  addValidationMetadata(...args: unknown[]): void;
  addConstraintMetadata(...args: unknown[]): void;
  addValidationSchema(...args: unknown[]): void;
}

const installed = Symbol.for('rectify.validation-metadata-cache');

/**
 * class-validator looks up a class's rules on every validate() by scanning every decorated class
 * of the process (an `instanceof` per class) and grouping the result anew: about a third of the
 * time validating a small DTO takes. The rules only change when a decorator runs, so the lookup
 * and the grouping are remembered per class and options until metadata is added again. Neither
 * result is ever modified by class-validator, so sharing them is safe.
 */
export function cacheValidationMetadata(): void {
  const storage = getMetadataStorage() as unknown as Storage & { [installed]?: true };
  if (storage[installed]) return;
  storage[installed] = true;
  let lookups = new Map<unknown, Map<string, unknown[]>>();
  let groupings = new WeakMap<unknown[], Record<string, unknown[]>>();
  const forget = () => {
    lookups = new Map();
    groupings = new WeakMap();
  };
  for (const method of ['addValidationMetadata', 'addConstraintMetadata', 'addValidationSchema'] as const) {
    const original = storage[method].bind(storage);
    storage[method] = (...args: unknown[]) => {
      forget();
      original(...args);
    };
  }
  const lookup = storage.getTargetValidationMetadatas.bind(storage);
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0001') ?? ''}`;
    let byOptions = lookups.get(target);
    if (!byOptions) lookups.set(target, (byOptions = new Map()));
    let found = byOptions.get(key);
    if (!found) byOptions.set(key, (found = lookup(target, schema, always, strictGroups, groups)));
    return found;
  };
  const group = storage.groupByPropertyName.bind(storage);
  storage.groupByPropertyName = (metadata) => {
    let grouped = groupings.get(metadata);
    if (!grouped) groupings.set(metadata, (grouped = group(metadata)));
    return grouped;
  };
}
