import type { InjectionToken, ModuleMetadata } from '@nestjs/common';
import type { HealthIndicatorFunction } from '@nestjs/terminus';

/** Injection token of the app's list of Terminus indicator functions. */
export const HEALTH_CHECKS = Symbol('HEALTH_CHECKS');

export interface HealthModuleOptions {
  /** Modules providing what `inject` names, unless they are global. */
  imports?: ModuleMetadata['imports'];
  /** Providers handed to `indicators`, e.g. [PgHealthIndicator, KafkaHealthIndicator]. */
  inject?: InjectionToken[];
  /** Builds the checks from the injected providers; each key becomes a field of /health. */
  // Provider instances arrive in `inject` order with types Nest cannot check: same as useFactory.
  indicators: (...providers: any[]) => HealthIndicatorFunction[];
}
