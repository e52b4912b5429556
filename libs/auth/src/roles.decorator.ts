import { SetMetadata } from '@nestjs/common';
import type { Role } from './auth-user';

export const REQUIRED_ROLES = 'rectify:auth:roles';

/** Only callers with one of these roles may use the route; others get 403. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);
