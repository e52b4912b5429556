import { CaseList1763950000000 } from './1763950000000-case-list';
import { CaseLifecycle1764000000000 } from './1764000000000-case-lifecycle';
import { CaseStats1764400000000 } from './1764400000000-case-stats';

export const RECTIFICATION_MIGRATIONS = [CaseList1763950000000, CaseLifecycle1764000000000, CaseStats1764400000000];
