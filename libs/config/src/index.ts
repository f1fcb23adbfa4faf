export { AppConfig, toAppConfig } from './app-config';
export { ConfigModule } from './config.module';
export { parseDuration } from './duration';
export { EnvironmentVariables } from './env.schema';
export { runWithConfigGuard } from './exit-on-config-error';
export { loadAppConfig } from './load-app-config';
export { ConfigError, validateEnv } from './validate-env';
