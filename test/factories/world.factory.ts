import { randomBytes } from 'node:crypto';
import type { HttpClient } from '../setup/http-client';

export type RoleName = 'admin' | 'supervisor' | 'accompanier' | 'psychologist';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  role: RoleName;
  teamId: string | null;
  accessToken: string;
  refreshToken: string;
}

export interface TestWorld {
  admin: TestUser;
  teamA: { id: string; name: string };
  teamB: { id: string; name: string };
  /** One user per role in team A, and the same in team B. */
  a: Record<Exclude<RoleName, 'admin'>, TestUser>;
  b: Record<Exclude<RoleName, 'admin'>, TestUser>;
}

export const ADMIN = { email: 'admin@e2e.test', password: 'e2e-admin-password-1' };
const NON_ADMIN_ROLES = ['supervisor', 'accompanier', 'psychologist'] as const;

export function uniqueSuffix(): string {
  return randomBytes(4).toString('hex');
}

export async function login(
  http: HttpClient,
  email: string,
  password: string,
): Promise<{ accessToken: string; refreshToken: string }> {
  const response = await http.post('/api/v1/auth/login', { email, password });
  if (response.status !== 200) {
    throw new Error(`login of ${email} failed: ${response.status} ${response.text}`);
  }
  return response.body as { accessToken: string; refreshToken: string };
}

export async function createTeam(
  http: HttpClient,
  adminToken: string,
  name: string,
): Promise<{ id: string; name: string }> {
  const response = await http.post('/api/v1/teams', { name }, { token: adminToken });
  if (response.status !== 201) throw new Error(`team creation failed: ${response.status} ${response.text}`);
  return response.body as { id: string; name: string };
}

export async function createUser(
  http: HttpClient,
  adminToken: string,
  role: RoleName,
  teamId: string | null,
  tag: string,
): Promise<TestUser> {
  const email = `${role}-${tag}-${uniqueSuffix()}@e2e.test`;
  const password = `pw-${uniqueSuffix()}-long-enough`;
  const response = await http.post(
    '/api/v1/users',
    { email, fullName: `${role} ${tag}`, password, role, ...(teamId ? { teamId } : {}) },
    { token: adminToken },
  );
  if (response.status !== 201) throw new Error(`user creation failed: ${response.status} ${response.text}`);
  const tokens = await login(http, email, password);
  return { id: (response.body as { id: string }).id, email, password, role, teamId, ...tokens };
}

/** Two teams with one user per role each, all signed in once for the suite. */
export async function buildWorld(http: HttpClient): Promise<TestWorld> {
  const adminTokens = await login(http, ADMIN.email, ADMIN.password);
  const me = await http.get('/api/v1/auth/me', { token: adminTokens.accessToken });
  const admin: TestUser = { id: me.body.id, ...ADMIN, role: 'admin', teamId: null, ...adminTokens };
  const tag = uniqueSuffix();
  const teamA = await createTeam(http, admin.accessToken, `Team A ${tag}`);
  const teamB = await createTeam(http, admin.accessToken, `Team B ${tag}`);
  const team = async (teamId: string, label: string) =>
    Object.fromEntries(
      await Promise.all(
        NON_ADMIN_ROLES.map(async (role) => [
          role,
          await createUser(http, admin.accessToken, role, teamId, label),
        ]),
      ),
    ) as TestWorld['a'];
  return { admin, teamA, teamB, a: await team(teamA.id, 'a'), b: await team(teamB.id, 'b') };
}
