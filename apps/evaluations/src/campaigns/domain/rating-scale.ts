import type { TargetKind } from '@rectify/contracts';

export const UNIT_RATINGS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export const CADRE_RATINGS = ['competent', 'basically_competent', 'incompetent'] as const;
export const RATINGS = [...UNIT_RATINGS, ...CADRE_RATINGS] as const;
export type Rating = (typeof RATINGS)[number];

/** Both scales have three steps: the top one counts as "satisfied", the bottom one as "unsatisfied". */
export type RatingLevel = 'top' | 'middle' | 'bottom';

const LEVELS: readonly RatingLevel[] = ['top', 'middle', 'bottom'];

/** The rating's step on the target's scale, or undefined when it belongs to the other scale. */
export function ratingLevel(kind: TargetKind, rating: string): RatingLevel | undefined {
  const scale: readonly string[] = kind === 'unit' ? UNIT_RATINGS : CADRE_RATINGS;
  const index = scale.indexOf(rating);
  return index < 0 ? undefined : LEVELS[index];
}
