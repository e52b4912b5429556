import { CaseList1763950000000 } from './1763950000000-case-list';

export const RECTIFICATION_MIGRATIONS = [CaseList1763950000000];
