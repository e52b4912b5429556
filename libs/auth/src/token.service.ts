import { createSecretKey } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ServiceEnv } from '@rectify/config';
import { type AuthUser, isRole } from './auth-user';
import { TokenRejectedError } from './token-rejected.error';
import { VerifiedTokens } from './verified-tokens';

const ISSUER = 'rectify';

interface TokenClaims {
  sub: string;
  username: string;
  role: string;
  unitId: string | null;
  exp?: number;
}

/**
 * Signs and verifies the access tokens. HS256 only, pinned on verify so a token cannot
 * choose its own algorithm ("none", or an asymmetric one keyed with our secret).
 */
@Injectable()
export class TokenService {
  private readonly jwt: JwtService;
  private readonly verified = new VerifiedTokens();

  constructor(env: ServiceEnv) {
    this.jwt = new JwtService({
      // A KeyObject, not the string: given a string, jsonwebtoken first tries to parse it as a
      // PEM public key on every verify, and that failed parse cost more than the rest of a request.
      secret: createSecretKey(Buffer.from(env.JWT_SECRET, 'utf8')),
      signOptions: { algorithm: 'HS256', expiresIn: env.JWT_TTL_SECONDS, issuer: ISSUER },
      verifyOptions: { algorithms: ['HS256'], issuer: ISSUER },
    });
  }

  sign(user: AuthUser): string {
    const claims: TokenClaims = { sub: user.id, username: user.username, role: user.role, unitId: user.unitId };
    return this.jwt.sign(claims);
  }

  verify(token: string): AuthUser {
    const known = this.verified.get(token, Date.now());
    if (known === 'expired') throw new TokenRejectedError('expired');
    if (known) return known;

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
    const user: AuthUser = { id: sub, username, role, unitId: unitId ?? null };
    // jsonwebtoken refuses a token from the second `exp` on: so does the cache.
    if (typeof claims.exp === 'number') this.verified.set(token, user, claims.exp * 1000);
    return user;
  }
}
