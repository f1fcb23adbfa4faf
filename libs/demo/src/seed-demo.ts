import {
  type AuthUser,
  type BootstrapAdminService,
  Role,
  type TeamsService,
  type UsersService,
} from '@accompany/auth';
import type { AppConfig } from '@accompany/config';
import type { ContactsService } from '@accompany/contacts';
import type { TransactionRunner } from '@accompany/persistence';
import { type FamiliesService, FamilyStatus } from '@accompany/families';
import { backdateFollowUp, seedCaseHistory } from './demo-case-history';
import { demoFamily } from './demo-families';
import { DEMO_FAMILIES_PER_TEAM, DEMO_PASSWORD, DEMO_STAFF, DEMO_TEAMS, demoEmail } from './demo-data';

/** The services the seed goes through: the API's own, so validation, hashing and audit apply. */
export interface DemoSeedServices {
  config: AppConfig;
  bootstrapAdmin: BootstrapAdminService;
  users: UsersService;
  teams: TeamsService;
  families: FamiliesService;
  contacts: ContactsService;
  /** For the one demo-only write: follow-ups missed days ago (backdateFollowUp). */
  tx: TransactionRunner;
}

/** One login the demo offers: what it is, its e-mail and its password. */
type DemoLogin = [what: string, email: string, password: string];

export interface DemoSeedResult {
  familiesPerTeam: number;
  logins: DemoLogin[];
}

/**
 * The admin, two teams and their staff, and about 50 families, through the same services
 * the API uses. Safe to run twice. Refuses production, where well-known demo passwords
 * would be a door left open.
 */
export async function seedDemo(services: DemoSeedServices): Promise<DemoSeedResult> {
  const { config, users, teams } = services;
  if (config.nodeEnv === 'production') throw new Error('seed:demo refuses to run with NODE_ENV=production');
  await services.bootstrapAdmin.ensureAdmin();
  const admin = await findAdmin(users, config.bootstrapAdmin?.email);
  const logins: DemoLogin[] = [];
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
  await seedFamilies(services, admin);
  return { familiesPerTeam: DEMO_FAMILIES_PER_TEAM, logins };
}

/** What `npm run seed:demo` prints (scripts/start-demo.sh shows it under the URLs). */
export function formatDemoSeed(result: DemoSeedResult): string {
  const lines = [`demo families: ${result.familiesPerTeam} per team`, '', 'Demo logins:'];
  for (const [what, email, password] of result.logins) {
    lines.push(`  ${what.padEnd(40)} ${email.padEnd(44)} ${password}`);
  }
  return `${lines.join('\n')}\n`;
}

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
async function seedFamilies(services: DemoSeedServices, admin: AuthUser): Promise<void> {
  const { families, users, contacts } = services;
  const now = new Date();
  let index = 0;
  for (const demoTeam of DEMO_TEAMS) {
    const team = (await users.list(admin, { role: Role.Accompanier, limit: 200 })).items.filter(
      (u) => 'email' in u && u.email.endsWith(`.${demoTeam.key}@demo.accompany.local`),
    );
    const supervisor = (await users.list(admin, { role: Role.Supervisor, limit: 200 })).items.find(
      (u) => 'email' in u && u.email === demoEmail('supervisor', demoTeam.key),
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
      // Every fourth family is newly registered (open, not yet contacted).
      if (i % 4 === 3) continue;
      await families.update(accompanier, family.id, {
        status: i % 7 === 0 ? FamilyStatus.OnHold : FamilyStatus.Active,
      });
      const missedFollowUp = await seedCaseHistory(
        contacts,
        accompanier,
        { id: family.id, memberIds: family.members.map((m) => m.id) },
        i,
        now,
      );
      if (missedFollowUp) await backdateFollowUp(services.tx, family.id, missedFollowUp);
      // Staff rotate: the supervisor hands the second family to the other accompanier.
      const other = accompaniers[(i + 1) % accompaniers.length]!;
      if (i === 1 && supervisor && other.id !== accompanier.id) {
        const lead: AuthUser = { ...admin, id: supervisor.id, role: Role.Supervisor, teamId: other.teamId };
        await families.update(lead, family.id, { assignedAccompanierId: other.id });
      }
    }
  }
}
