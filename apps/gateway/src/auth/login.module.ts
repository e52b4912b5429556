import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { LoginAttemptLimiter } from './login-attempt-limiter';
import { LoginController } from './login.controller';
import { LoginService } from './login.service';

@Module({
  imports: [DirectoryModule],
  controllers: [LoginController],
  providers: [LoginService, LoginAttemptLimiter],
})
export class LoginModule {}
