import { Module } from '@nestjs/common';
import { ApiProxy } from './api-proxy';

/** Not routes but a middleware, mounted by mountApiProxy before the body parser. */
@Module({ providers: [ApiProxy], exports: [ApiProxy] })
export class ProxyModule {}
