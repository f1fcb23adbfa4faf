import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { BootstrapAdminService, Role, type AuthUser, TeamsService, UsersService } from '@accompany/auth';
import { AppConfig, loadAppConfig, runWithConfigGuard } from '@accompany/config';
import { FamiliesService, FamilyStatus } from '@accompany/families';
import { ApiModule } from '../api.module';
import { demoFamily } from './demo-families';
import { DEMO_FAMILIES_PER_TEAM, DEMO_PASSWORD, DEMO_STAFF, DEMO_TEAMS, demoEmail } from './demo-data';

/**
 * `npm run seed:demo`: the admin, two teams and their staff, through the same services the
 * API uses (validation, hashing, audit). Safe to run twice. Refuses to run in production,
 * where well-known demo passwords would be a door left open.
 */
void runWithConfigGuard(async () => {
  if (loadAppConfig().nodeEnv === 'production') {
    process.stderr.write('seed:demo refuses to run with NODE_ENV=production\n');
    process.exit(1);
  }
  const app = await NestFactory.createApplicationContext(ApiModule, { logger: ['error', 'warn'] });
  try {
    const config = app.get(AppConfig);
    await app.get(BootstrapAdminService).ensureAdmin();
    const users = app.get(UsersService);
    const teams = app.get(TeamsService);
    const admin = await findAdmin(users, config.bootstrapAdmin?.email);
    const logins: Array<[string, string, string]> = [];
    if (config.bootstrapAdmin) {
      logins.push(['admin', config.bootstrapAdmin.email, config.bootstrapAdmin.password]);
    }

    const existingTeams = (await teams.list(admin, { limit: 200 })).items;
    for (const demoTeam of DEMO_TEAMS) {
      const team =
        existingTeams.find((t) => t.name === demoTeam.name) ??
        (await teams.create(admin, { name: demoTeam.name, region: demoTeam.region }));
      const members = (await users.list(admin, { teamId: team.id, limit: 200 })).items;
      for (const staff of DEMO_STAFF) {
        const email = demoEmail(staff.local, demoTeam.key);
        if (!members.some((m) => 'email' in m && m.email === email)) {
          await users.create(admin, {
            email,
            fullName: staff.fullName,
            password: DEMO_PASSWORD,
            role: staff.role,
            teamId: team.id,
          });
        }
        logins.push([`${staff.role} (${demoTeam.name})`, email, DEMO_PASSWORD]);
      }
    }
    await seedFamilies(app.get(FamiliesService), users, admin);
    process.stdout.write('\nDemo logins:\n');
    for (const [what, email, password] of logins) {
      process.stdout.write(`  ${what.padEnd(40)} ${email.padEnd(44)} ${password}\n`);
    }
  } finally {
    await app.close();
  }
});

async function findAdmin(users: UsersService, email: string | undefined): Promise<AuthUser> {
  const system: AuthUser = {
    id: '00000000-0000-0000-0000-000000000000',
    sessionId: 'seed',
    email: 'seed',
    fullName: 'seed',
    role: Role.Admin,
    teamId: null,
    requestId: 'seed-demo',
    ip: '127.0.0.1',
  };
  const page = await users.list(system, { role: Role.Admin, limit: 200 });
  const admin =
    page.items.find((u) => 'email' in u && (email === undefined || u.email === email)) ?? page.items[0];
  if (!admin) throw new Error('no admin: set ADMIN_EMAIL and ADMIN_PASSWORD');
  return { ...system, id: admin.id, fullName: admin.fullName };
}

/** About 50 families across both teams, registered by their accompaniers; skipped when present. */
async function seedFamilies(families: FamiliesService, users: UsersService, admin: AuthUser): Promise<void> {
  let index = 0;
  for (const demoTeam of DEMO_TEAMS) {
    const team = (await users.list(admin, { role: Role.Accompanier, limit: 200 })).items.filter(
      (u) => 'email' in u && u.email.endsWith(`.${demoTeam.key}@demo.accompany.local`),
    );
    const accompaniers = team.map((u) => ({
      ...admin,
      id: u.id,
      role: Role.Accompanier,
      teamId: (u as { teamId: string }).teamId,
    }));
    const first = accompaniers[0];
    if (!first) continue;
    const existing = await families.list(first, { limit: 1 });
    if (existing.items.length > 0) {
      index += DEMO_FAMILIES_PER_TEAM;
      continue;
    }
    for (let i = 0; i < DEMO_FAMILIES_PER_TEAM; i += 1, index += 1) {
      const accompanier = accompaniers[i % accompaniers.length]!;
      const family = await families.register(accompanier, demoFamily(index));
      if (i % 4 !== 3) {
        await families.update(accompanier, family.id, {
          status: i % 7 === 0 ? FamilyStatus.OnHold : FamilyStatus.Active,
        });
      }
    }
  }
  process.stdout.write(`demo families: ${DEMO_FAMILIES_PER_TEAM} per team\n`);
}
