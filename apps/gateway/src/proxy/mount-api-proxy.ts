import type { INestApplication } from '@nestjs/common';
import { ApiProxy } from './api-proxy';

/** Passed to the HTTP bootstrap as `beforeBodyParser`: the proxy must see the raw body. */
export function mountApiProxy(app: INestApplication): void {
  app.use(app.get(ApiProxy).middleware());
}
