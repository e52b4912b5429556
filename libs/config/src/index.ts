export { loadConfig, type EnvSource } from './load-config';
export { InvalidEnvironmentError, type EnvProblem } from './invalid-environment.error';
export { ServiceEnv, LOG_LEVELS, type LogLevelName } from './service-env';
export { EnvModule } from './env.module';
