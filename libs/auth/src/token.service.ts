import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ServiceEnv } from '@rectify/config';
import { type AuthUser, isRole } from './auth-user';
import { TokenRejectedError } from './token-rejected.error';

const ISSUER = 'rectify';

interface TokenClaims {
  sub: string;
  username: string;
  role: string;
  unitId: string | null;
}

/**
 * Signs and verifies the access tokens. HS256 only, pinned on verify so a token cannot
 * choose its own algorithm ("none", or an asymmetric one keyed with our secret).
 */
@Injectable()
export class TokenService {
  private readonly jwt: JwtService;

  constructor(env: ServiceEnv) {
    this.jwt = new JwtService({
      secret: env.JWT_SECRET,
      signOptions: { algorithm: 'HS256', expiresIn: env.JWT_TTL_SECONDS, issuer: ISSUER },
      verifyOptions: { algorithms: ['HS256'], issuer: ISSUER },
    });
  }

  sign(user: AuthUser): string {
    const claims: TokenClaims = { sub: user.id, username: user.username, role: user.role, unitId: user.unitId };
    return this.jwt.sign(claims);
  }

  verify(token: string): AuthUser {
    let claims: Partial<TokenClaims>;
    try {
      claims = this.jwt.verify<Partial<TokenClaims>>(token);
    } catch (error) {
      // By name: jsonwebtoken's error class may be loaded twice (ESM wrapper and CommonJS).
      const expired = (error as { name?: string }).name === 'TokenExpiredError';
      throw new TokenRejectedError(expired ? 'expired' : 'invalid');
    }
    const { sub, username, role, unitId } = claims;
    const unitOk = unitId === null || typeof unitId === 'string';
    if (typeof sub !== 'string' || !sub || typeof username !== 'string' || !isRole(role) || !unitOk) {
      throw new TokenRejectedError('invalid');
    }
    return { id: sub, username, role, unitId: unitId ?? null };
  }
}
