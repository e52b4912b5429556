import { Notices1763960000000 } from './1763960000000-notices';

export const NOTIFICATIONS_MIGRATIONS = [Notices1763960000000];
