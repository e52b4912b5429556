import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type AuthUser, TokenService } from '@rectify/auth';
import type { Repository } from 'typeorm';
import { hashPassword, verifyPassword } from '../directory/password-hasher';
import { UserEntity } from '../directory/user.entity';
import { LoginAttemptLimiter } from './login-attempt-limiter';
import { InvalidCredentialsError, TooManyLoginAttemptsError } from './login.errors';

export interface LoginResult {
  accessToken: string;
  user: AuthUser;
}

@Injectable()
export class LoginService {
  // Compared against when the user does not exist, so both failures take as long.
  private readonly decoyHash = hashPassword('decoy password, never matches');

  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly tokens: TokenService,
    private readonly limiter: LoginAttemptLimiter,
  ) {}

  async login(username: string, password: string, clientAddress: string, now: number): Promise<LoginResult> {
    const key = `${username.toLowerCase()}|${clientAddress}`;
    const wait = this.limiter.retryAfterSeconds(key, now);
    if (wait > 0) throw new TooManyLoginAttemptsError(wait);

    const found = await this.users.findOneBy({ username });
    const ok = await verifyPassword(password, found?.passwordHash ?? (await this.decoyHash));
    if (!found || !ok) {
      this.limiter.recordFailure(key, now);
      throw new InvalidCredentialsError();
    }

    this.limiter.reset(key);
    const user: AuthUser = { id: found.id, username: found.username, role: found.role, unitId: found.unitId };
    return { accessToken: this.tokens.sign(user), user };
  }
}
