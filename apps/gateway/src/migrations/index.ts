import { CreateDirectory1763900000000 } from './1763900000000-create-directory';

/** In order; each runs once, in its own transaction. */
export const GATEWAY_MIGRATIONS = [CreateDirectory1763900000000];
