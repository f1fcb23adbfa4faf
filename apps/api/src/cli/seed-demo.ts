import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { BootstrapAdminService, TeamsService, UsersService } from '@accompany/auth';
import { AppConfig, loadAppConfig, runWithConfigGuard } from '@accompany/config';
import { formatDemoSeed, seedDemo } from '@accompany/demo';
import { ContactsService } from '@accompany/contacts';
import { FamiliesService } from '@accompany/families';
import { TransactionRunner } from '@accompany/persistence';
import { ApiModule } from '../api.module';

/**
 * `npm run seed:demo`: the demo teams, staff and families (libs/demo) through the API's
 * own services. Refuses production before anything starts.
 */
void runWithConfigGuard(async () => {
  if (loadAppConfig().nodeEnv === 'production') {
    process.stderr.write('seed:demo refuses to run with NODE_ENV=production\n');
    process.exit(1);
  }
  const app = await NestFactory.createApplicationContext(ApiModule, { logger: ['error', 'warn'] });
  try {
    const result = await seedDemo({
      config: app.get(AppConfig),
      bootstrapAdmin: app.get(BootstrapAdminService),
      users: app.get(UsersService),
      teams: app.get(TeamsService),
      families: app.get(FamiliesService),
      contacts: app.get(ContactsService),
      tx: app.get(TransactionRunner),
    });
    process.stdout.write(formatDemoSeed(result));
  } finally {
    await app.close();
  }
});
