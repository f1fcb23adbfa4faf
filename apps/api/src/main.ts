import 'reflect-metadata';
import { loadAppConfig, runWithConfigGuard } from '@accompany/config';
import { createApiApp } from './create-api-app';

void runWithConfigGuard(async () => {
  const config = loadAppConfig();
  const app = await createApiApp(config);
  await app.listen({ port: config.port, host: '0.0.0.0' });
});
