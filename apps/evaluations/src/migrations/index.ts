import { EvaluationsTables1764100000000 } from './1764100000000-evaluations-tables';
import { BreachCases1764200000000 } from './1764200000000-breach-cases';
import { UnitSatisfaction1764400000000 } from './1764400000000-unit-satisfaction';

export const EVALUATIONS_MIGRATIONS = [EvaluationsTables1764100000000, BreachCases1764200000000, UnitSatisfaction1764400000000];
