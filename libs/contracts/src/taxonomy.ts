/** Problem taxonomy of DESIGN §3.1, shared by every service and the console. */

export const SEVERITIES = ['general', 'serious', 'grave'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Default time limit for rectification, by severity (configurable per case at assignment). */
export const SEVERITY_DAYS: Readonly<Record<Severity, number>> = { general: 30, serious: 15, grave: 7 };

export const TAXONOMY_CODES = [
  'FLOATING',
  'FORMALISM',
  'BUREAUCRATISM',
  'DISCIPLINE_LAXITY',
  'SIDE_BUSINESS',
  'SERVICE_ATTITUDE',
  'FAVOR_SEEKING',
  'ARBITRARY_CHARGES',
  'PROCRASTINATION',
  'DERELICTION',
  'EXTRAVAGANCE',
  'STUDY_NEGLECT',
  'LEADERSHIP',
  'MASS_DISCONNECTION',
] as const;
export type TaxonomyCode = (typeof TAXONOMY_CODES)[number];

export interface TaxonomyEntry {
  code: TaxonomyCode;
  label: string;
  severity: Severity;
}

/*
 * Severity: "grave" where public office is used for private gain; "serious" where the
 * public pays (money, falsified results, losses, arbitrary power); "general" for conduct
 * and attitude problems that harm service without direct loss.
 */
export const TAXONOMY: readonly TaxonomyEntry[] = [
  { code: 'FLOATING', label: 'Floating on top, never at the grassroots', severity: 'general' },
  { code: 'FORMALISM', label: 'Formalism: paper and meetings instead of results', severity: 'serious' },
  { code: 'BUREAUCRATISM', label: 'Bureaucratism and arbitrary orders', severity: 'serious' },
  { code: 'DISCIPLINE_LAXITY', label: 'Lax work discipline', severity: 'general' },
  { code: 'SIDE_BUSINESS', label: 'Doing business or a second job for money', severity: 'grave' },
  { code: 'SERVICE_ATTITUDE', label: 'Cold, hard, shirking treatment of the public', severity: 'general' },
  { code: 'FAVOR_SEEKING', label: 'Favours asked before service', severity: 'serious' },
  { code: 'ARBITRARY_CHARGES', label: 'Arbitrary charges, fines and apportionments', severity: 'serious' },
  { code: 'PROCRASTINATION', label: 'Pushing, dragging and stalling', severity: 'general' },
  { code: 'DERELICTION', label: 'Inaction and irresponsibility causing losses', severity: 'serious' },
  { code: 'EXTRAVAGANCE', label: 'Public funds for banquets and hedonism', severity: 'serious' },
  { code: 'STUDY_NEGLECT', label: 'Neglect of study', severity: 'general' },
  { code: 'LEADERSHIP', label: 'Leadership style: intrigue, countermeasures below', severity: 'serious' },
  { code: 'MASS_DISCONNECTION', label: 'Distance from the public', severity: 'general' },
];

export function isTaxonomyCode(value: unknown): value is TaxonomyCode {
  return typeof value === 'string' && (TAXONOMY_CODES as readonly string[]).includes(value);
}

export function taxonomyEntry(code: TaxonomyCode): TaxonomyEntry {
  const entry = TAXONOMY.find((e) => e.code === code);
  if (!entry) throw new Error(`taxonomy entry missing for ${code}`);
  return entry;
}

export function defaultSeverity(code: TaxonomyCode): Severity {
  return taxonomyEntry(code).severity;
}

/** Default rectification time limit, in days, for a problem of this kind. */
export function defaultDays(code: TaxonomyCode): number {
  return SEVERITY_DAYS[defaultSeverity(code)];
}
