import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadAppConfig, runWithConfigGuard } from '@accompany/config';
import { AppLogger } from '@accompany/shared';
import { WorkerModule } from './worker.module';

/** The worker: an application context (no HTTP listener) that stops cleanly on SIGTERM. */
void runWithConfigGuard(async () => {
  loadAppConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule, {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(AppLogger));
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  await app.init();
  app.get(AppLogger).log('worker started');
});
