import { randomUUID } from 'node:crypto';
import { expectProblem, problemFields, UUID_RE } from '../factories/admin.helpers';
import {
  CASE_ENDPOINTS,
  extraAccompaniers,
  FamilyApi,
  memberBody,
  problemShape,
  REFERENCE_RE,
  type FamilyCase,
} from '../factories/family.factory';
import { buildWorld, type TestUser, type TestWorld } from '../factories/world.factory';
import type { HttpResponse } from '../setup/http-client';
import { startTestApp, type TestApp } from '../setup/test-app';

type Caller = 'admin' | 'supervisor' | 'accompanier' | 'psychologist';
type Relation = 'assigned' | 'colleague' | 'unassigned' | 'otherTeam';
const CALLERS: Caller[] = ['admin', 'supervisor', 'accompanier', 'psychologist'];
const RELATIONS: Relation[] = ['assigned', 'colleague', 'unassigned', 'otherTeam'];

/** What each caller of team A gets for a case in each relation (domain.md § Roles). */
function expected(caller: Caller, relation: Relation): number[] {
  const sees =
    caller === 'supervisor' ? relation !== 'otherTeam' : caller === 'accompanier' && relation === 'assigned';
  return CASE_ENDPOINTS.map((e) => {
    if (caller === 'admin') return 403;
    if (caller === 'psychologist') return e.read ? 404 : 403;
    return sees ? e.ok : 404;
  });
}

describe('families: role × relation access matrix', () => {
  let t: TestApp;
  let api: FamilyApi;
  let world: TestWorld;
  let colleague: TestUser;
  let inactive: TestUser;
  const cases = new Map<string, FamilyCase>();
  const tokenOf = (caller: Caller) => (caller === 'admin' ? world.admin : world.a[caller]).accessToken;

  /** A fresh case in the given relation to team A's accompanier. */
  const newCase = (relation: Relation): Promise<FamilyCase> => {
    const assignee = {
      assigned: world.a.accompanier.id,
      colleague: colleague.id,
      unassigned: undefined,
      otherTeam: world.b.accompanier.id,
    }[relation];
    const owner = relation === 'otherTeam' ? world.b.supervisor : world.a.supervisor;
    return api.createFamily(owner.accessToken, assignee ? { assignedAccompanierId: assignee } : {});
  };

  beforeAll(async () => {
    t = await startTestApp();
    api = new FamilyApi(t.http);
    world = await buildWorld(t.http);
    ({ colleague, inactive } = await extraAccompaniers(t.http, world));
    for (const caller of CALLERS) {
      for (const relation of RELATIONS) cases.set(`${caller}/${relation}`, await newCase(relation));
    }
  });
  afterAll(() => t.close());

  const matrix = CALLERS.flatMap((caller) => RELATIONS.map((relation) => [caller, relation] as const));

  it.each(matrix)(
    'should answer %s on a %s case with the expected status on every endpoint',
    async (caller, relation) => {
      const c = cases.get(`${caller}/${relation}`)!;
      const responses: HttpResponse[] = [];
      for (const endpoint of CASE_ENDPOINTS) responses.push(await endpoint.call(api, c, tokenOf(caller)));
      const got = Object.fromEntries(CASE_ENDPOINTS.map((e, i) => [e.name, responses[i]!.status]));
      const want = Object.fromEntries(CASE_ENDPOINTS.map((e, i) => [e.name, expected(caller, relation)[i]]));
      expect(got).toEqual(want);
      responses.filter((r) => r.status >= 400).forEach((r) => expectProblem(r, r.status));

      const owner = relation === 'otherTeam' ? world.b.supervisor : world.a.supervisor;
      const after = (await api.get(`/families/${c.id}`, owner.accessToken)).body;
      const wrote = expected(caller, relation)[1] === 200;
      expect({
        version: after.version,
        language: after.preferredLanguage,
        members: after.members.length,
        persons: (after.missingPersons as Array<{ status: string }>).map((p) => p.status).sort(),
      }).toEqual(
        wrote
          ? { version: 2, language: 'ru', members: 2, persons: ['found_alive', 'missing'] }
          : { version: 1, language: 'az', members: 1, persons: ['missing'] },
      );
    },
  );

  it('should answer a hidden case exactly like an absent one on every endpoint', async () => {
    const hidden = await newCase('colleague');
    const absent = {
      id: randomUUID(),
      version: 1,
      memberId: randomUUID(),
      missingPersonId: randomUUID(),
      body: {},
    };
    for (const endpoint of CASE_ENDPOINTS) {
      const a = await endpoint.call(api, hidden, world.a.accompanier.accessToken);
      const b = await endpoint.call(api, absent, world.a.accompanier.accessToken);
      expect({ endpoint: endpoint.name, status: a.status }).toEqual({ endpoint: endpoint.name, status: 404 });
      expect(problemShape(a)).toEqual(problemShape(b));
    }
  });

  it('should answer 400 naming the id for a malformed UUID in every path', async () => {
    const bad = { id: 'not-a-uuid', version: 1, memberId: '123', missingPersonId: 'zz', body: {} };
    for (const endpoint of CASE_ENDPOINTS) {
      const response = await endpoint.call(api, bad, world.a.supervisor.accessToken);
      expect({ endpoint: endpoint.name, fields: problemFields(expectProblem(response, 400)) }).toEqual({
        endpoint: endpoint.name,
        fields: ['id'],
      });
    }
  });

  describe('registration', () => {
    it('should register in the caller team: unassigned for a supervisor, self-assigned for an accompanier', async () => {
      for (const [user, assignee] of [
        [world.a.supervisor, null],
        [world.b.accompanier, world.b.accompanier.id],
      ] as const) {
        const member = memberBody();
        const response = await api.post(
          '/families',
          { preferredLanguage: 'ru', members: [member] },
          user.accessToken,
        );
        expect(response.status).toBe(201);
        expect(response.body).toMatchObject({
          id: expect.stringMatching(UUID_RE),
          reference: expect.stringMatching(REFERENCE_RE),
          teamId: user.teamId,
          assignedAccompanierId: assignee,
          status: 'open',
          version: 1,
          createdBy: user.id,
          members: [expect.objectContaining({ fullName: member.fullName })],
          missingPersons: [],
        });
        expect(response.headers.get('etag')).toBe('"1"');
      }
    });

    it('should let a supervisor register a family assigned to an active accompanier of the team', async () => {
      const response = await api.post(
        '/families',
        { assignedAccompanierId: colleague.id, members: [memberBody()] },
        world.a.supervisor.accessToken,
      );
      expect(response.status).toBe(201);
      expect(response.body.assignedAccompanierId).toBe(colleague.id);
      expect((await api.get(`/families/${response.body.id}`, colleague.accessToken)).status).toBe(200);
    });

    it('should answer 403 to admins and psychologists registering a family', async () => {
      for (const user of [world.admin, world.a.psychologist]) {
        expectProblem(await api.post('/families', {}, user.accessToken), 403);
      }
    });

    it('should refuse a teamId in the body (400): the team is always the caller', async () => {
      const response = await api.post(
        '/families',
        { teamId: world.teamB.id, members: [memberBody()] },
        world.a.supervisor.accessToken,
      );
      expect(problemFields(expectProblem(response, 400))).toEqual(['teamId']);
    });

    it('should answer 403 to an accompanier naming any assignee, even themselves', async () => {
      const me = world.a.accompanier;
      for (const id of [me.id, colleague.id]) {
        expectProblem(
          await api.post('/families', { assignedAccompanierId: id, members: [memberBody()] }, me.accessToken),
          403,
        );
      }
    });

    it('should answer 422 when a supervisor assigns to anyone but an active accompanier of the team', async () => {
      const refused = {
        otherTeam: world.b.accompanier.id,
        inactive: inactive.id,
        psychologist: world.a.psychologist.id,
        supervisor: world.a.supervisor.id,
        nobody: randomUUID(),
      };
      for (const [label, id] of Object.entries(refused)) {
        const response = await api.post(
          '/families',
          { assignedAccompanierId: id, members: [memberBody()] },
          world.a.supervisor.accessToken,
        );
        expect({ label, status: response.status }).toEqual({ label, status: 422 });
        expect(problemFields(expectProblem(response, 422))).toEqual(['assignedAccompanierId']);
      }
    });
  });

  describe('assignment, closing and reopening', () => {
    it('should let a supervisor reassign: the old accompanier loses the case (404), the new one gains it', async () => {
      const c = await newCase('assigned');
      const sup = world.a.supervisor.accessToken;
      const moved = await api.patch(`/families/${c.id}`, { assignedAccompanierId: colleague.id }, sup);
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ assignedAccompanierId: colleague.id, version: 2 });
      expectProblem(await api.get(`/families/${c.id}`, world.a.accompanier.accessToken), 404);
      expectProblem(
        await api.get(`/missing-persons/${c.missingPersonId}`, world.a.accompanier.accessToken),
        404,
      );
      expect((await api.get(`/families/${c.id}`, colleague.accessToken)).status).toBe(200);
      const cleared = await api.patch(`/families/${c.id}`, { assignedAccompanierId: null }, sup);
      expect(cleared.body).toMatchObject({ assignedAccompanierId: null, version: 3 });
      expectProblem(await api.get(`/families/${c.id}`, colleague.accessToken), 404);
    });

    it('should answer 422 to a reassignment outside the active accompaniers of the team, changing nothing', async () => {
      const c = await newCase('assigned');
      for (const id of [world.b.accompanier.id, inactive.id, world.a.psychologist.id, randomUUID()]) {
        const response = await api.patch(
          `/families/${c.id}`,
          { assignedAccompanierId: id },
          world.a.supervisor.accessToken,
        );
        expect(problemFields(expectProblem(response, 422))).toEqual(['assignedAccompanierId']);
      }
      const after = await api.get(`/families/${c.id}`, world.a.supervisor.accessToken);
      expect(after.body).toMatchObject({ assignedAccompanierId: world.a.accompanier.id, version: 1 });
    });

    it('should answer 403 to an assigned accompanier assigning, closing or reopening, changing nothing', async () => {
      const c = await newCase('assigned');
      const own = world.a.accompanier.accessToken;
      const sup = world.a.supervisor.accessToken;
      expectProblem(
        await api.patch(`/families/${c.id}`, { assignedAccompanierId: world.a.accompanier.id }, own),
        403,
      );
      expectProblem(await api.patch(`/families/${c.id}`, { assignedAccompanierId: null }, own), 403);
      expectProblem(
        await api.patch(`/families/${c.id}`, { status: 'closed', closureReason: 'other' }, own),
        403,
      );
      expect((await api.patch(`/families/${c.id}`, { status: 'active' }, own)).status).toBe(200);
      expectProblem(
        await api.patch(`/families/${c.id}`, { status: 'closed', closureReason: 'other' }, own),
        403,
      );
      expect(
        (await api.patch(`/families/${c.id}`, { status: 'closed', closureReason: 'moved_away' }, sup)).status,
      ).toBe(200);
      expect((await api.get(`/families/${c.id}`, own)).body.status).toBe('closed');
      expectProblem(await api.patch(`/families/${c.id}`, { status: 'active' }, own), 403);
      const after = await api.get(`/families/${c.id}`, sup);
      expect(after.body).toMatchObject({
        status: 'closed',
        closureReason: 'moved_away',
        assignedAccompanierId: world.a.accompanier.id,
        version: 3,
      });
    });
  });

  describe('lists', () => {
    const everyone = (): Array<[string, TestUser]> =>
      (['a', 'b'] as const)
        .flatMap((side) =>
          (['supervisor', 'accompanier', 'psychologist'] as const).map(
            (role) => [`${role} ${side}`, world[side][role]] as [string, TestUser],
          ),
        )
        .concat([['colleague', colleague]]);

    it('should list exactly the families the detail endpoint shows, for every user', async () => {
      const listed = new Map<string, Set<string>>();
      for (const [label, user] of everyone()) {
        listed.set(label, new Set((await api.walk(user.accessToken, '', 200)).ids));
      }
      const all = new Set([
        ...[...cases.values()].map((c) => c.id),
        ...[...listed.values()].flatMap((s) => [...s]),
      ]);
      // Of the matrix cases (whose assignments are known), each user lists exactly those the rules give them.
      const matrixRelations: Record<string, Relation[]> = {
        'supervisor a': ['assigned', 'colleague', 'unassigned'],
        'accompanier a': ['assigned'],
        'psychologist a': [],
        'supervisor b': ['otherTeam'],
        'accompanier b': ['otherTeam'],
        'psychologist b': [],
        colleague: ['colleague'],
      };
      const matrixCases = [...cases.entries()].map(([key, c]) => ({ relation: key.split('/')[1], id: c.id }));
      for (const [label] of everyone()) {
        const want = matrixCases.filter((c) => matrixRelations[label]!.includes(c.relation as Relation));
        const got = matrixCases.filter((c) => listed.get(label)!.has(c.id));
        expect({ label, ids: got.map((c) => c.id).sort() }).toEqual({
          label,
          ids: want.map((c) => c.id).sort(),
        });
      }
      for (const [label, user] of everyone()) {
        for (const id of all) {
          const status = (await api.get(`/families/${id}`, user.accessToken)).status;
          expect({ label, id, status, listed: listed.get(label)!.has(id) }).toEqual({
            label,
            id,
            status: listed.get(label)!.has(id) ? 200 : 404,
            listed: status === 200,
          });
        }
      }
      expect(listed.get('supervisor a')!.size).toBeGreaterThan(listed.get('accompanier a')!.size);
      expect(listed.get('accompanier a')!.size).toBeGreaterThan(0);
    });

    it('should give psychologists empty lists for any filter and admins 403', async () => {
      for (const query of ['', 'status=open', `assignedAccompanierId=${world.a.accompanier.id}`, 'q=elcin']) {
        const response = await api.get(`/families?${query}`, world.a.psychologist.accessToken);
        expect({ query, status: response.status, body: response.body }).toEqual({
          query,
          status: 200,
          body: { items: [], nextCursor: null },
        });
      }
      expectProblem(await api.get('/families', world.admin.accessToken), 403);
    });

    it('should not widen an accompanier list with a filter naming a colleague', async () => {
      const response = await api.get(
        `/families?assignedAccompanierId=${colleague.id}`,
        world.a.accompanier.accessToken,
      );
      expect(response.body).toEqual({ items: [], nextCursor: null });
      const asSupervisor = await api.get(
        `/families?limit=200&assignedAccompanierId=${colleague.id}`,
        world.a.supervisor.accessToken,
      );
      expect(asSupervisor.body.items.length).toBeGreaterThan(0);
    });
  });
});
