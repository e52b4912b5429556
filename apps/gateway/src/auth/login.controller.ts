import { Body, Controller, HttpCode, Ip, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@rectify/auth';
import type { ServerResponse } from 'node:http';
import { LoginDto } from './login.dto';
import { TooManyLoginAttemptsError } from './login.errors';
import { type LoginResult, LoginService } from './login.service';

@ApiTags('auth')
@Controller('api/auth')
export class LoginController {
  constructor(private readonly logins: LoginService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  async login(
    @Body() body: LoginDto,
    @Ip() clientAddress: string,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<LoginResult> {
    try {
      return await this.logins.login(body.username, body.password, clientAddress, Date.now());
    } catch (error) {
      if (error instanceof TooManyLoginAttemptsError) {
        response.setHeader('Retry-After', String(error.retryAfterSeconds));
      }
      throw error;
    }
  }
}
