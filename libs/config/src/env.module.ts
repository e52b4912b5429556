import { type DynamicModule, Global, Module, type Provider } from '@nestjs/common';
import { loadConfig } from './load-config';
import { ServiceEnv } from './service-env';

/**
 * Makes the validated environment injectable by its class, and as ServiceEnv, which the
 * shared libs ask for. Validation runs when the module is instantiated, not when the app
 * module file is imported, so tests can set process.env first.
 */
@Global()
@Module({})
export class EnvModule {
  static forRoot<T extends ServiceEnv>(EnvClass: new () => T): DynamicModule {
    const own: Provider = { provide: EnvClass, useFactory: () => loadConfig(EnvClass) };
    if ((EnvClass as Function) === ServiceEnv) {
      return { module: EnvModule, providers: [own], exports: [ServiceEnv] };
    }
    const base: Provider = { provide: ServiceEnv, useExisting: EnvClass };
    return { module: EnvModule, providers: [own, base], exports: [EnvClass, ServiceEnv] };
  }
}
