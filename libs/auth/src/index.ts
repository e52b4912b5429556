export { AuthModule } from './auth.module';
export { JwtAuthGuard } from './jwt-auth.guard';
export { TokenService } from './token.service';
export { TokenRejectedError, type TokenRejection } from './token-rejected.error';
export { Public, IS_PUBLIC } from './public.decorator';
export { Roles, REQUIRED_ROLES } from './roles.decorator';
export { CurrentUser } from './current-user.decorator';
export { ROLES, isRole, toActor, type Role, type AuthUser, type UserActor } from './auth-user';
export type { AuthenticatedRequest } from './authenticated-request';
