import { EvaluationsTables1764100000000 } from './1764100000000-evaluations-tables';

export const EVALUATIONS_MIGRATIONS = [EvaluationsTables1764100000000];
