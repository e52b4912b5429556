import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from './auth-user';
import type { AuthenticatedRequest } from './authenticated-request';
import { IS_PUBLIC } from './public.decorator';
import { REQUIRED_ROLES } from './roles.decorator';
import { TokenRejectedError } from './token-rejected.error';
import { TokenService } from './token.service';

/** Express's response and Fastify's reply both set a header with `header()`. */
interface ChallengeableResponse {
  header(name: string, value: string): unknown;
}

/**
 * Every HTTP route needs a valid bearer token unless marked @Public(). Identity comes only
 * from the verified token; headers such as X-User-Id are never read.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    // Kafka handlers have no bearer token; their actor travels in the event envelope.
    if (context.getType() !== 'http') return true;

    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    const response = http.getResponse<ChallengeableResponse>();
    const token = bearerToken(request.headers.authorization);
    if (!token) {
      response.header('WWW-Authenticate', 'Bearer');
      throw new UnauthorizedException('a bearer token is required');
    }

    try {
      request.user = this.tokens.verify(token);
    } catch (error) {
      if (!(error instanceof TokenRejectedError)) throw error;
      response.header('WWW-Authenticate', 'Bearer error="invalid_token"');
      throw new UnauthorizedException(error.message);
    }

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles?.length && !roles.includes(request.user.role)) {
      throw new ForbiddenException(`this action requires the role ${roles.join(' or ')}`);
    }
    return true;
  }
}

function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match ? match[1] : null;
}
