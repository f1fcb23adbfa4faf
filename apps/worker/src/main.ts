import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadAppConfig, runWithConfigGuard } from '@accompany/config';
import { WorkerModule } from './worker.module';

/** The worker: an application context (no HTTP listener) that stops cleanly on SIGTERM. */
void runWithConfigGuard(async () => {
  loadAppConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule, {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  await app.init();
  app.get(Logger).log('worker started');
});
