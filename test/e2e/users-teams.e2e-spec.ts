import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  auditRowsFor,
  expectProblem,
  forgeCursor,
  idsOf,
  itemsOf,
  problemFields,
  UUID_RE,
} from '../factories/admin.helpers';
import { buildWorld, login, uniqueSuffix, type TestUser, type TestWorld } from '../factories/world.factory';
import { startTestApp, type TestApp } from '../setup/test-app';

const USER_KEYS = [
  'active',
  'createdAt',
  'email',
  'fullName',
  'id',
  'role',
  'teamId',
  'updatedAt',
  'version',
];
const DIRECTORY_KEYS = ['fullName', 'id', 'role'];
const keysOf = (value: object): string[] => Object.keys(value).sort();

describe('users and teams (admin management, role × team matrix)', () => {
  let t: TestApp;
  let world: TestWorld;
  let admin: string;
  let nonAdmins: Array<{ label: string; user: TestUser; teamId: string }>;
  const password = 'a-long-enough-password-1';

  const get = (path: string, token = admin) => t.http.get(`/api/v1${path}`, { token });
  const post = (path: string, body: unknown, token = admin) => t.http.post(`/api/v1${path}`, body, { token });
  const patch = (path: string, body: unknown, token = admin, ifMatch?: string) =>
    t.http.patch(`/api/v1${path}`, body, { token, headers: ifMatch ? { 'if-match': ifMatch } : {} });
  const email = (tag: string) => `${tag}-${uniqueSuffix()}@e2e.test`;
  const newUser = (body: Record<string, unknown>) =>
    post('/users', { password, fullName: 'New Person', ...body });
  const newTeam = (name = `Team ${uniqueSuffix()}`, region?: string) => post('/teams', { name, region });

  beforeAll(async () => {
    t = await startTestApp();
    world = await buildWorld(t.http);
    admin = world.admin.accessToken;
    nonAdmins = (['a', 'b'] as const).flatMap((side) =>
      (['supervisor', 'accompanier', 'psychologist'] as const).map((role) => ({
        label: `${role} ${side}`,
        user: world[side][role],
        teamId: side === 'a' ? world.teamA.id : world.teamB.id,
      })),
    );
  });
  afterAll(() => t.close());

  describe('teams', () => {
    it('should create a team as admin and answer 201 with id, name, region and version', async () => {
      const name = `North ${uniqueSuffix()}`;
      const created = await newTeam(name, 'Ganja');
      expect(created.status).toBe(201);
      expect(created.body).toEqual({ id: expect.stringMatching(UUID_RE), name, region: 'Ganja', version: 1 });
      const read = await get(`/teams/${created.body.id}`);
      expect(read.status).toBe(200);
      expect(read.body).toEqual(created.body);
    });

    it('should refuse a duplicate team name in any letter case with 409, on create and on rename', async () => {
      const name = `Dup Team ${uniqueSuffix()}`;
      expect((await newTeam(name)).status).toBe(201);
      expectProblem(await newTeam(name.toUpperCase()), 409);
      expectProblem(await newTeam(` ${name} `), 409);
      expectProblem(await patch(`/teams/${world.teamB.id}`, { name: name.toLowerCase() }), 409);
      expect((await get(`/teams/${world.teamB.id}`)).body.name).toBe(world.teamB.name);
    });

    it('should update a team with If-Match, answer the new ETag, and refuse stale or malformed If-Match', async () => {
      const created = await newTeam();
      const path = `/teams/${created.body.id}`;
      const v = created.body.version as number;
      const updated = await patch(path, { region: 'Tartar' }, admin, `"${v}"`);
      expect(updated.status).toBe(200);
      expect(updated.body).toEqual({ ...created.body, region: 'Tartar', version: v + 1 });
      expect(updated.headers.get('etag')).toBe(`"${v + 1}"`);
      expectProblem(await patch(path, { region: 'Lachin' }, admin, `"${v}"`), 412);
      const malformed = await patch(path, { region: 'Lachin' }, admin, 'abc');
      expect(problemFields(expectProblem(malformed, 400))).toContain('If-Match');
      expect((await get(path)).body).toEqual(updated.body);
    });

    it('should list every team for the admin and only the own team for every other role', async () => {
      expect(idsOf(await get('/teams?limit=200'))).toEqual(
        expect.arrayContaining([world.teamA.id, world.teamB.id]),
      );
      for (const { label, user, teamId } of nonAdmins) {
        const own = await get('/teams', user.accessToken);
        expect({ label, ids: idsOf(own), next: own.body.nextCursor }).toEqual({
          label,
          ids: [teamId],
          next: null,
        });
      }
    });

    it('should answer 404 to a non-admin reading another team and 200 for the own team', async () => {
      for (const { label, user, teamId } of nonAdmins) {
        const other = teamId === world.teamA.id ? world.teamB.id : world.teamA.id;
        const foreign = await get(`/teams/${other}`, user.accessToken);
        expect({ label, status: foreign.status }).toEqual({ label, status: 404 });
        expectProblem(foreign, 404);
        const own = await get(`/teams/${teamId}`, user.accessToken);
        expect({ label, status: own.status, id: own.body.id }).toEqual({ label, status: 200, id: teamId });
      }
    });
  });

  describe('creating users', () => {
    it('should create a user with 201 and never return a password or hash', async () => {
      const address = email('Mixed.Case');
      const created = await newUser({ email: address, role: 'accompanier', teamId: world.teamA.id });
      expect(created.status).toBe(201);
      expect(keysOf(created.body)).toEqual(USER_KEYS);
      expect(created.body).toMatchObject({
        id: expect.stringMatching(UUID_RE),
        email: address.toLowerCase(),
        fullName: 'New Person',
        role: 'accompanier',
        teamId: world.teamA.id,
        active: true,
      });
      expect(created.text).not.toMatch(/password|hash|\$argon2/i);
      expect(created.text).not.toContain(password);
      const read = await get(`/users/${created.body.id}`);
      expect(read.text).not.toMatch(/password|hash|\$argon2/i);
      expect(read.body).toEqual(created.body);
    });

    it('should require teamId for every non-admin role, naming the field', async () => {
      for (const role of ['supervisor', 'accompanier', 'psychologist']) {
        const response = await newUser({ email: email('noteam'), role });
        expect({ role, status: [400, 422].includes(response.status) }).toEqual({ role, status: true });
        expect(problemFields(expectProblem(response, response.status))).toContain('teamId');
      }
    });

    it('should answer 422 for a teamId naming no team', async () => {
      const response = await newUser({ email: email('ghost'), role: 'supervisor', teamId: randomUUID() });
      expect(problemFields(expectProblem(response, 422))).toContain('teamId');
    });

    it('should answer 409 for an e-mail already taken, in any letter case', async () => {
      for (const taken of [
        world.a.supervisor.email.toUpperCase(),
        world.admin.email,
        world.b.psychologist.email,
      ]) {
        const response = await newUser({ email: taken, role: 'psychologist', teamId: world.teamB.id });
        expect({ taken, status: response.status }).toEqual({ taken, status: 409 });
      }
    });

    it('should refuse an admin with a teamId (422) and create one without a team', async () => {
      const withTeam = await newUser({ email: email('adm'), role: 'admin', teamId: world.teamA.id });
      expect(problemFields(expectProblem(withTeam, 422))).toContain('teamId');
      const plain = await newUser({ email: email('adm'), role: 'admin' });
      expect(plain.status).toBe(201);
      expect(plain.body).toMatchObject({ role: 'admin', teamId: null, active: true });
    });
  });

  describe('reading users', () => {
    it('should let the admin read everyone and filter by teamId and role', async () => {
      const teamA = idsOf(await get(`/users?limit=200&teamId=${world.teamA.id}`));
      expect(teamA).toEqual(expect.arrayContaining(Object.values(world.a).map((u) => u.id)));
      expect(teamA).not.toContain(world.b.supervisor.id);
      const psychologistsB = idsOf(await get(`/users?teamId=${world.teamB.id}&role=psychologist`));
      expect(psychologistsB).toEqual([world.b.psychologist.id]);
      const admins = itemsOf(await get('/users?limit=200&role=admin'));
      expect(admins.map((u) => u.id)).toContain(world.admin.id);
      expect(new Set(admins.map((u) => u.role))).toEqual(new Set(['admin']));
      const everyone = idsOf(await get('/users?limit=200'));
      expect(everyone).toEqual(
        expect.arrayContaining([world.admin.id, world.a.psychologist.id, world.b.accompanier.id]),
      );
    });

    it('should walk keyset pages of two without duplicates or gaps, ties on fullName included', async () => {
      const team = (await newTeam()).body.id as string;
      const ids: string[] = [];
      for (const fullName of ['Same Name', 'Same Name', 'Same Name', 'Alpha', 'Zulu']) {
        ids.push(
          (await newUser({ email: email('page'), fullName, role: 'accompanier', teamId: team })).body.id,
        );
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const after: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
        const page = await get(`/users?teamId=${team}&limit=2${after}`);
        const pageIds = idsOf(page);
        expect(pageIds.length).toBeLessThanOrEqual(2);
        seen.push(...pageIds);
        cursor = page.body.nextCursor as string | null;
        pages += 1;
      } while (cursor !== null && pages < 10);
      expect(pages).toBe(3);
      expect(seen).toHaveLength(new Set(seen).size);
      expect([...seen].sort()).toEqual([...ids].sort());
    });

    it('should answer 400 for limit above 200 or below 1 and for a garbage cursor', async () => {
      expect(problemFields(expectProblem(await get('/users?limit=201'), 400))).toContain('limit');
      expectProblem(await get('/users?limit=0'), 400);
      expect(problemFields(expectProblem(await get('/users?cursor=%25%25garbage!!'), 400))).toContain(
        'cursor',
      );
      expectProblem(await get(`/users?cursor=${forgeCursor(['x'])}`), 400);
      expectProblem(await get(`/teams?cursor=${forgeCursor({ a: 1 })}`), 400);
    });

    it('should answer 400, not 500, for a well-formed cursor whose id is not a UUID', async () => {
      const cursor = forgeCursor(['Alpha', 'not-a-uuid']);
      const users = await get(`/users?cursor=${cursor}`);
      const teams = await get(`/teams?cursor=${cursor}`);
      expect({ users: users.status, teams: teams.status }).toEqual({ users: 400, teams: 400 });
      expect(problemFields(expectProblem(users, 400))).toContain('cursor');
    });

    it('should show a supervisor the own team with full fields and hide other teams (404)', async () => {
      const token = world.a.supervisor.accessToken;
      const list = await get('/users?limit=200', token);
      const items = itemsOf(list);
      expect(new Set(items.map((u) => u.teamId))).toEqual(new Set([world.teamA.id]));
      expect(items.map((u) => u.id)).toEqual(expect.arrayContaining(Object.values(world.a).map((u) => u.id)));
      for (const item of items) expect(keysOf(item)).toEqual(USER_KEYS);
      expect(list.text).not.toMatch(/password|hash/i);
      expect(idsOf(await get(`/users?teamId=${world.teamB.id}`, token))).toEqual([]);
      expectProblem(await get(`/users/${world.b.accompanier.id}`, token), 404);
      expectProblem(await get(`/users/${world.admin.id}`, token), 404);
      const colleague = await get(`/users/${world.a.psychologist.id}`, token);
      expect(colleague.status).toBe(200);
      expect(keysOf(colleague.body)).toEqual(USER_KEYS);
    });

    it('should give accompaniers and psychologists only the active directory (id, fullName, role) of their team', async () => {
      const inactive = (await newUser({ email: email('gone'), role: 'accompanier', teamId: world.teamA.id }))
        .body;
      expect((await patch(`/users/${inactive.id}`, { active: false })).status).toBe(200);
      const activeA = itemsOf(await get(`/users?limit=200&teamId=${world.teamA.id}`))
        .filter((u) => u.active)
        .map((u) => u.id as string)
        .sort();
      expect(activeA).not.toContain(inactive.id);
      for (const reader of [world.a.accompanier, world.a.psychologist]) {
        const token = reader.accessToken;
        const items = itemsOf(await get('/users?limit=200', token));
        for (const item of items) expect(keysOf(item)).toEqual(DIRECTORY_KEYS);
        expect(items.map((u) => u.id as string).sort()).toEqual(activeA);
        expect(itemsOf(await get('/users?role=psychologist', token))).toEqual([
          { id: world.a.psychologist.id, fullName: 'psychologist a', role: 'psychologist' },
        ]);
        const one = await get(`/users/${world.a.supervisor.id}`, token);
        expect(one.body).toEqual({ id: world.a.supervisor.id, fullName: 'supervisor a', role: 'supervisor' });
        expectProblem(await get(`/users/${inactive.id}`, token), 404);
        expectProblem(await get(`/users/${world.b.supervisor.id}`, token), 404);
        expectProblem(await get(`/users/${world.admin.id}`, token), 404);
      }
    });
  });

  describe('role escalation', () => {
    it('should answer 403 to every non-admin on POST/PATCH users and teams, changing nothing', async () => {
      for (const { label, user, teamId } of nonAdmins) {
        const token = user.accessToken;
        const attempts = [
          await post('/users', { email: email('esc'), fullName: 'x', password, role: 'admin' }, token),
          await patch(`/users/${user.id}`, { role: 'admin' }, token),
          await post('/teams', { name: `Esc ${uniqueSuffix()}` }, token),
          await patch(`/teams/${teamId}`, { name: `Hijacked ${uniqueSuffix()}` }, token),
        ];
        expect({ label, statuses: attempts.map((r) => r.status) }).toEqual({
          label,
          statuses: [403, 403, 403, 403],
        });
        attempts.forEach((r) => expectProblem(r, 403));
        expect((await get('/auth/me', token)).body.role).toBe(user.role);
      }
      expect((await get(`/teams/${world.teamA.id}`)).body.name).toBe(world.teamA.name);
    });

    it('should refuse a supervisor promoting themselves to admin (403)', async () => {
      const supervisor = world.b.supervisor;
      const attempt = await patch(`/users/${supervisor.id}`, { role: 'admin' }, supervisor.accessToken);
      expect(expectProblem(attempt, 403).status).toBe(403);
      expect((await get(`/users/${supervisor.id}`)).body).toMatchObject({ role: 'supervisor', active: true });
    });

    it('should refuse the admin changing the own role, team or active state (403)', async () => {
      const self = `/users/${world.admin.id}`;
      expectProblem(await patch(self, { role: 'supervisor' }), 403);
      expectProblem(await patch(self, { active: false }), 403);
      expectProblem(await patch(self, { role: 'accompanier', teamId: world.teamA.id }), 403);
      const me = await get('/auth/me');
      expect(me.body).toMatchObject({ id: world.admin.id, role: 'admin', teamId: null });
    });
  });

  describe('audit and session effects', () => {
    it('should audit user.created, user.role_changed, user.deactivated and team.created with field names only', async () => {
      const ds = t.app.get(DataSource);
      const address = email('audited');
      const fullName = 'Audited Person';
      const created = await newUser({ email: address, fullName, role: 'supervisor', teamId: world.teamA.id });
      const id = created.body.id as string;
      const tokens = await login(t.http, address, password);
      const demoted = await patch(`/users/${id}`, { role: 'accompanier' });
      expect(demoted.status).toBe(200);
      expectProblem(await get('/auth/me', tokens.accessToken), 401);
      expectProblem(await patch(`/users/${id}`, { active: false }, admin, `"${created.body.version}"`), 412);
      const off = await patch(`/users/${id}`, { active: false }, admin, `"${demoted.body.version}"`);
      expect(off.status).toBe(200);
      expect(off.headers.get('etag')).toBe(`"${(demoted.body.version as number) + 1}"`);

      const rows = (await auditRowsFor(ds, id)).filter((r) => r.action.startsWith('user.'));
      expect(rows.map((r) => r.action)).toEqual(['user.created', 'user.role_changed', 'user.deactivated']);
      expect(rows.every((r) => r.actor_id === world.admin.id && r.entity_type === 'user')).toBe(true);
      expect(rows[0]?.changed_fields).toEqual(expect.arrayContaining(['email', 'role']));
      expect(rows[1]?.changed_fields).toEqual(['role']);
      expect(rows[2]?.changed_fields).toEqual(['active']);
      const values = [address, fullName, password, 'supervisor', 'accompanier', world.teamA.id, 'false'];
      const logged = rows.flatMap((r) => r.changed_fields);
      expect(logged.filter((field) => values.includes(field))).toEqual([]);

      const team = await newTeam(`Audited ${uniqueSuffix()}`, 'Shusha');
      expect(await auditRowsFor(ds, team.body.id as string)).toEqual([
        expect.objectContaining({
          action: 'team.created',
          actor_id: world.admin.id,
          changed_fields: ['name', 'region'],
        }),
      ]);
    });
  });
});
