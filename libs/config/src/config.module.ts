import { Global, Module } from '@nestjs/common';
import { AppConfig } from './app-config';
import { loadAppConfig } from './load-app-config';

/** Validates the environment once per process and serves the typed AppConfig. */
@Global()
@Module({
  providers: [{ provide: AppConfig, useFactory: (): AppConfig => loadAppConfig() }],
  exports: [AppConfig],
})
export class ConfigModule {}
