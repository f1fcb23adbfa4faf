export { AppConfig } from './app-config';
export { ConfigModule } from './config.module';
export { runWithConfigGuard } from './exit-on-config-error';
export { loadAppConfig } from './load-app-config';
