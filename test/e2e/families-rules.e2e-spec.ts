import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { auditRowsFor, expectProblem, problemFields } from '../factories/admin.helpers';
import {
  distinctFields,
  FAMILY_MACHINE,
  familyBody,
  FamilyApi,
  PERSON_MACHINE,
  transitions,
  memberBody,
  missingPersonBody,
  REFERENCE_RE,
  statusBody,
  YEAR,
  eventually,
  holdReferenceCounter,
  type FamilyCase,
} from '../factories/family.factory';
import { buildWorld, type TestWorld } from '../factories/world.factory';
import { startTestApp, type TestApp } from '../setup/test-app';

describe('families: status rules, versions, concurrency, idempotency, references', () => {
  let t: TestApp;
  let api: FamilyApi;
  let world: TestWorld;
  let sup: string;
  let acc: string;
  let shared: FamilyCase;

  beforeAll(async () => {
    t = await startTestApp();
    api = new FamilyApi(t.http);
    world = await buildWorld(t.http);
    sup = world.a.supervisor.accessToken;
    acc = world.a.accompanier.accessToken;
    shared = await api.createFamily(sup, { assignedAccompanierId: world.a.accompanier.id });
  });
  afterAll(() => t.close());

  describe('family status', () => {
    it.each(transitions(FAMILY_MACHINE))(
      'should let a supervisor move a family %s → %s only when legal (%s), else 422',
      async (from, to, legal) => {
        const c = await api.createFamily(sup);
        await api.moveFamily(sup, c.id, FAMILY_MACHINE.paths[from]!);
        const response = await api.patch(`/families/${c.id}`, statusBody(to), sup);
        if (!legal) {
          expect(problemFields(expectProblem(response, 422))).toEqual(['status']);
          expect((await api.get(`/families/${c.id}`, sup)).body.status).toBe(from);
          return;
        }
        expect(response.status).toBe(200);
        expect(response.body).toMatchObject({
          status: to,
          closureReason: to === 'closed' ? 'family_request' : null,
          closedAt: to === 'closed' ? expect.any(String) : null,
        });
      },
    );

    it('should let the assigned accompanier move between open, active and on_hold only', async () => {
      const c = await api.createFamily(acc);
      for (const to of ['active', 'on_hold', 'active', 'on_hold']) {
        const response = await api.patch(`/families/${c.id}`, { status: to }, acc);
        expect({ to, status: response.status, now: response.body.status }).toEqual({
          to,
          status: 200,
          now: to,
        });
      }
      expect(
        problemFields(expectProblem(await api.patch(`/families/${c.id}`, { status: 'open' }, acc), 422)),
      ).toEqual(['status']);
    });

    it('should answer 400 naming closureReason when closing without a (known) reason', async () => {
      const c = await api.createFamily(sup);
      for (const body of [{ status: 'closed' }, { status: 'closed', closureReason: 'bored' }]) {
        const response = await api.patch(`/families/${c.id}`, body, sup);
        expect(problemFields(expectProblem(response, 400))).toEqual(['closureReason']);
      }
      expect((await api.get(`/families/${c.id}`, sup)).body).toMatchObject({ status: 'open', version: 1 });
    });
  });

  describe('missing person status', () => {
    it.each(transitions(PERSON_MACHINE))(
      'should move a missing person %s → %s only when legal (%s), else 422',
      async (from, to, legal) => {
        const person = await api.post(`/families/${shared.id}/missing-persons`, missingPersonBody(), sup);
        expect(person.body.status).toBe('missing');
        await api.moveMissingPerson(sup, person.body.id, PERSON_MACHINE.paths[from]!);
        const response = await api.post(
          `/missing-persons/${person.body.id}/status`,
          { status: to, reason: 'why' },
          acc,
        );
        if (legal) {
          expect({ status: response.status, now: response.body.status }).toEqual({ status: 200, now: to });
        } else {
          expect(problemFields(expectProblem(response, 422))).toEqual(['status']);
          expect((await api.get(`/missing-persons/${person.body.id}`, sup)).body.status).toBe(from);
        }
      },
    );

    it('should require a reason and a known status (400 naming the field), changing nothing', async () => {
      const id = shared.missingPersonId;
      const cases: Array<[unknown, string]> = [
        [{ status: 'found_alive' }, 'reason'],
        [{ status: 'found_alive', reason: '   ' }, 'reason'],
        [{ status: 'found_alive', reason: 'x'.repeat(1001) }, 'reason'],
        [{ status: 'dead', reason: 'why' }, 'status'],
        [{ reason: 'why' }, 'status'],
      ];
      for (const [body, field] of cases) {
        expect(
          distinctFields(expectProblem(await api.post(`/missing-persons/${id}/status`, body, sup), 400)),
        ).toEqual([field]);
      }
      const history = await api.get(`/missing-persons/${id}/history`, sup);
      expect((history.body.items as Array<{ toStatus: string }>).map((h) => h.toStatus)).toEqual(['missing']);
    });

    it('should keep every change in the history with who, when and why, oldest first', async () => {
      const started = Date.now();
      const [a, s] = [world.a.accompanier, world.a.supervisor];
      const person = (await api.post(`/families/${shared.id}/missing-persons`, missingPersonBody(), acc))
        .body;
      const path = `/missing-persons/${person.id}`;
      const moves: Array<[string, string, typeof a]> = [
        ['remains_recovered', 'Remains found near Aghdam', a],
        ['identified_deceased', 'DNA match confirmed', s],
        ['missing', 'Correction: sample mix-up', s],
      ];
      for (const [status, reason, user] of moves) {
        expect((await api.post(`${path}/status`, { status, reason }, user.accessToken)).status).toBe(200);
      }
      expectProblem(
        await api.post(`${path}/status`, { status: 'identified_deceased', reason: 'no' }, sup),
        422,
      );
      const history = await api.get(`${path}/history`, acc);
      expect(history.body.items).toEqual([
        expect.objectContaining({ fromStatus: null, toStatus: 'missing', changedBy: a.id }),
        ...moves.map(([toStatus, reason, user], i): unknown =>
          expect.objectContaining({
            fromStatus: i ? moves[i - 1]![0] : 'missing',
            toStatus,
            reason,
            changedBy: user.id,
          }),
        ),
      ]);
      const times = (history.body.items as Array<{ changedAt: string }>).map((h) => Date.parse(h.changedAt));
      expect(times).toEqual([...times].sort((x, y) => x - y));
      expect([times[0]! >= started - 5000, times[3]! <= Date.now() + 5000]).toEqual([true, true]);
    });
  });

  describe('versions', () => {
    it('should send ETag "<version>" and answer 412 to a stale If-Match on families, members and missing persons', async () => {
      const c = await api.createFamily(acc);
      const targets: Array<[string, string, Record<string, unknown>]> = [
        [`/families/${c.id}`, `/families/${c.id}`, { address: 'Yeni ünvan 1' }],
        [
          `/missing-persons/${c.missingPersonId}`,
          `/missing-persons/${c.missingPersonId}`,
          { circumstances: 'At the bridge' },
        ],
        ['', `/members/${c.memberId}`, { phone: '+994 70 111 22 33' }],
      ];
      for (const [read, write, body] of targets) {
        if (read) expect((await api.get(read, acc)).headers.get('etag')).toBe('"1"');
        const ok = await api.patch(write, body, acc, { ifMatch: 1 });
        expect({ write, status: ok.status, etag: ok.headers.get('etag'), version: ok.body.version }).toEqual({
          write,
          status: 200,
          etag: '"2"',
          version: 2,
        });
        expectProblem(await api.patch(write, body, acc, { ifMatch: 1 }), 412);
        expect((await api.patch(write, {}, acc, { ifMatch: 'W/"2"' })).status).toBe(200);
        expect(
          problemFields(expectProblem(await api.patch(write, body, acc, { ifMatch: 'two' }), 400)),
        ).toEqual(['If-Match']);
      }
      const stale = await api.post(
        `/missing-persons/${c.missingPersonId}/status`,
        { status: 'closed', reason: 'x' },
        acc,
        { ifMatch: 1 },
      );
      expectProblem(stale, 412);
      const history = await api.get(`/missing-persons/${c.missingPersonId}/history`, acc);
      expect(history.body.items).toHaveLength(1);
      const family = await api.get(`/families/${c.id}`, acc);
      expect(family.body).toMatchObject({ address: 'Yeni ünvan 1', version: 2 });
    });

    it.each([2, 8])(
      'should let exactly one of %i concurrent updates with the same If-Match win (others 412)',
      async (n) => {
        const c = await api.createFamily(sup);
        const responses = await Promise.all(
          Array.from({ length: n }, (_, i) =>
            api.patch(`/families/${c.id}`, { address: `Address ${i}` }, sup, { ifMatch: 1 }),
          ),
        );
        const statuses = responses.map((r) => r.status).sort();
        expect(statuses).toEqual([200, ...Array<number>(n - 1).fill(412)]);
        const winner = responses.find((r) => r.status === 200)!;
        expect((await api.get(`/families/${c.id}`, sup)).body).toMatchObject({
          version: 2,
          address: winner.body.address,
        });
      },
    );

    it('should let one of two concurrent same-version member and missing person updates win', async () => {
      const c = await api.createFamily(sup);
      for (const path of [`/members/${c.memberId}`, `/missing-persons/${c.missingPersonId}`]) {
        const responses = await Promise.all(
          ['Ana', 'Ata'].map((fullName) => api.patch(path, { fullName }, sup, { ifMatch: 1 })),
        );
        expect({ path, statuses: responses.map((r) => r.status).sort() }).toEqual({
          path,
          statuses: [200, 412],
        });
      }
    });
    it('should apply one of two concurrent status changes and keep only that one in the history', async () => {
      const person = (await api.post(`/families/${shared.id}/missing-persons`, missingPersonBody(), sup))
        .body;
      const path = `/missing-persons/${person.id}`;
      const race = await Promise.all(
        ['found_alive', 'remains_recovered'].map((status) =>
          api.post(`${path}/status`, { status, reason: 'race' }, sup),
        ),
      );
      const [winner, loser] = [...race].sort((x, y) => x.status - y.status);
      expect({ winner: winner!.status, loserRefused: [412, 422].includes(loser!.status) }).toEqual({
        winner: 200,
        loserRefused: true,
      });
      const history = (await api.get(`${path}/history`, sup)).body.items as Array<{ toStatus: string }>;
      expect(history.map((h) => h.toStatus)).toEqual(['missing', winner!.body.status]);
      expect((await api.get(path, sup)).body).toMatchObject({ status: winner!.body.status, version: 2 });
    });
  });

  describe('idempotency and references', () => {
    it('should replay the first answer for the same key and body, creating one family only', async () => {
      const ds = t.app.get(DataSource);
      const key = randomUUID();
      const body = familyBody();
      const first = await api.post('/families', body, sup, { key });
      const reordered = Object.fromEntries(Object.entries(body).reverse());
      const again = await api.post('/families', reordered, sup, { key });
      expect(first.status).toBe(201);
      expect({ status: again.status, replayed: again.headers.get('idempotent-replayed') }).toEqual({
        status: 201,
        replayed: 'true',
      });
      expect(again.body).toEqual(first.body);
      const rows = await ds.query('SELECT id FROM families WHERE address = $1', [body.address]);
      expect(rows).toEqual([{ id: first.body.id }]);
      const created = (await auditRowsFor(ds, first.body.id)).filter((r) => r.action === 'family.created');
      expect(created).toHaveLength(1);
    });

    it('should answer 422 to the same key with another body, keep replaying the first, and scope keys per user', async () => {
      const key = randomUUID();
      const body = familyBody();
      const first = await api.post('/families', body, sup, { key });
      expect(first.status).toBe(201);
      expectProblem(await api.post('/families', familyBody(), sup, { key }), 422);
      const replay = await api.post('/families', body, sup, { key });
      expect({ status: replay.status, id: replay.body.id }).toEqual({ status: 201, id: first.body.id });
      const other = await api.post('/families', body, acc, { key });
      expect(other.status).toBe(201);
      expect(other.body.id).not.toBe(first.body.id);
    });

    it('should replay member and missing person creations with the same id, adding each once', async () => {
      const c = await api.createFamily(acc);
      for (const [path, body] of [
        [`/families/${c.id}/members`, memberBody()],
        [`/families/${c.id}/missing-persons`, missingPersonBody()],
      ] as const) {
        const key = randomUUID();
        const [one, two] = [
          await api.post(path, body, acc, { key }),
          await api.post(path, body, acc, { key }),
        ];
        expect({ path, statuses: [one.status, two.status], same: one.body.id === two.body.id }).toEqual({
          path,
          statuses: [201, 201],
          same: true,
        });
      }
      const family = (await api.get(`/families/${c.id}`, acc)).body;
      expect({ members: family.members.length, persons: family.missingPersons.length }).toEqual({
        members: 2,
        persons: 2,
      });
    });

    it('should answer 409 to a retry while the first request with that key is still in flight', async () => {
      const ds = t.app.get(DataSource);
      const [key, body] = [randomUUID(), familyBody()];
      const release = await holdReferenceCounter(ds, YEAR);
      let first: ReturnType<FamilyApi['post']> | undefined;
      try {
        first = api.post('/families', body, sup, { key });
        const sql = 'SELECT 1 FROM idempotency_keys WHERE key = $1 AND response_status IS NULL';
        expect(await eventually(async () => (await ds.query(sql, [key])).length === 1)).toBe(true);
        expectProblem(await api.post('/families', body, sup, { key }), 409);
      } finally {
        await release();
      }
      const done = await first;
      expect(done.status).toBe(201);
      const replay = await api.post('/families', body, sup, { key });
      expect({ status: replay.status, id: replay.body.id }).toEqual({ status: 201, id: done.body.id });
    });

    it('should give 50 concurrent registrations 50 distinct FAM-<year>-<6 digits> references', async () => {
      const responses = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          api.post('/families', { preferredLanguage: 'ru', members: [memberBody()] }, i % 2 ? sup : acc),
        ),
      );
      expect(responses.map((r) => r.status)).toEqual(Array<number>(50).fill(201));
      const references = responses.map((r) => r.body.reference as string);
      expect(references.filter((ref) => !REFERENCE_RE.test(ref))).toEqual([]);
      expect(new Set(references).size).toBe(50);
      expect(new Set(responses.map((r) => r.body.id as string)).size).toBe(50);
    });
  });
});
