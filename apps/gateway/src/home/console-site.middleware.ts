import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CONSOLE_DIR } from './console-directory';
import { consoleSite } from './console-site';

@Injectable()
export class ConsoleSiteMiddleware implements NestMiddleware {
  private readonly site: ReturnType<typeof consoleSite>;

  constructor(@Inject(CONSOLE_DIR) directory: string) {
    this.site = consoleSite(directory);
  }

  use(request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void): void {
    this.site(request, response, next);
  }
}
