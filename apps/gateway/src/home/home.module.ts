import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { CONSOLE_DIR, defaultConsoleDirectory } from './console-directory';
import { ConsoleSiteMiddleware } from './console-site.middleware';
import { HomeController } from './home.controller';

@Module({
  controllers: [HomeController],
  providers: [{ provide: CONSOLE_DIR, useFactory: defaultConsoleDirectory }, ConsoleSiteMiddleware],
})
export class HomeModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(ConsoleSiteMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.GET }, { path: '{*path}', method: RequestMethod.HEAD });
  }
}
