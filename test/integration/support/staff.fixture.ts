import { randomUUID } from 'node:crypto';
import { type AuthUser, Role } from '@accompany/auth';
import type { ServiceTier } from './service-tier';

export interface TeamStaff {
  teamId: string;
  supervisor: AuthUser;
  accompanier: AuthUser;
  otherAccompanier: AuthUser;
}

/**
 * A team with a supervisor and two accompaniers, written straight into the test's
 * transaction (no password hashing: these users never log in), as the services see callers.
 */
export async function insertTeamStaff(tier: ServiceTier): Promise<TeamStaff> {
  const [team] = await tier.query<{ id: string }>(
    `INSERT INTO teams (name, version) VALUES ($1, 1) RETURNING id`,
    [`Team ${randomUUID().slice(0, 8)}`],
  );
  const teamId = team!.id;
  return {
    teamId,
    supervisor: await insertUser(tier, Role.Supervisor, teamId),
    accompanier: await insertUser(tier, Role.Accompanier, teamId),
    otherAccompanier: await insertUser(tier, Role.Accompanier, teamId),
  };
}

async function insertUser(tier: ServiceTier, role: Role, teamId: string): Promise<AuthUser> {
  const email = `${role}-${randomUUID()}@integration.test`;
  const fullName = `Test ${role}`;
  const [user] = await tier.query<{ id: string }>(
    `INSERT INTO users (email, full_name, password_hash, role, team_id, version)
     VALUES ($1, $2, 'never-used', $3, $4, 1) RETURNING id`,
    [email, fullName, role, teamId],
  );
  return {
    id: user!.id,
    sessionId: randomUUID(),
    email,
    fullName,
    role,
    teamId,
    requestId: 'integration-test',
    ip: '127.0.0.1',
  };
}
