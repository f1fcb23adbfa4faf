import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  auditRowsFor,
  expectProblem,
  idsOf,
  itemsOf,
  problemFields,
  UUID_RE,
} from '../factories/admin.helpers';
import { contactBody, contactCount, isoIn, recordContact, reminderRows } from '../factories/contact.factory';
import { FamilyApi, memberBody, problemShape, type FamilyCase } from '../factories/family.factory';
import { buildWorld, createUser, type TestUser, type TestWorld } from '../factories/world.factory';
import { startTestApp, type TestApp } from '../setup/test-app';

type Caller = 'admin' | 'supervisor' | 'accompanier' | 'psychologist';
type Relation = 'assigned' | 'sameTeam' | 'unassigned' | 'otherTeam';
const CALLERS: Caller[] = ['admin', 'supervisor', 'accompanier', 'psychologist'];
const RELATIONS: Relation[] = ['assigned', 'sameTeam', 'unassigned', 'otherTeam'];

/** POST /families/:id/contacts for a caller of team A (domain.md § Roles: contacts). */
function expectedPost(caller: Caller, relation: Relation): number {
  if (caller !== 'accompanier') return 403;
  return relation === 'assigned' ? 201 : 404;
}

/** GET /families/:id/contacts; psychologists see no family yet (their referral rule comes later). */
function expectedGet(caller: Caller, relation: Relation): number {
  if (caller === 'admin') return 403;
  if (caller === 'supervisor') return relation === 'otherTeam' ? 404 : 200;
  if (caller === 'accompanier') return relation === 'assigned' ? 200 : 404;
  return 404;
}

describe('contacts', () => {
  let t: TestApp;
  let api: FamilyApi;
  let db: DataSource;
  let world: TestWorld;
  let colleague: TestUser;
  const families = {} as Record<Relation, FamilyCase>;
  const tokenOf = (caller: Caller) => (caller === 'admin' ? world.admin : world.a[caller]).accessToken;
  const own = () => world.a.accompanier.accessToken;
  /** A fresh family assigned to team A's accompanier, with two members. */
  const ownFamily = () => api.createFamily(own(), { members: [memberBody(), memberBody()] });

  beforeAll(async () => {
    t = await startTestApp();
    api = new FamilyApi(t.http);
    db = t.app.get(DataSource);
    world = await buildWorld(t.http);
    colleague = await createUser(t.http, world.admin.accessToken, 'accompanier', world.teamA.id, 'a2');
    const sup = world.a.supervisor.accessToken;
    families.assigned = await ownFamily();
    families.sameTeam = await api.createFamily(sup, { assignedAccompanierId: colleague.id });
    families.unassigned = await api.createFamily(sup);
    families.otherTeam = await api.createFamily(world.b.accompanier.accessToken);
    // Every family has one contact already, so a 200 list is never trivially empty.
    await recordContact(api, own(), families.assigned.id);
    await recordContact(api, colleague.accessToken, families.sameTeam.id);
    await recordContact(api, world.b.accompanier.accessToken, families.otherTeam.id);
  });
  afterAll(() => t.close());

  it.each(CALLERS)(
    'should answer %s with the expected status on POST and GET contacts of each family',
    async (caller) => {
      const before = await Promise.all(RELATIONS.map((r) => contactCount(db, families[r].id)));
      const got: Record<string, number> = {};
      const want: Record<string, number> = {};
      for (const relation of RELATIONS) {
        const id = families[relation].id;
        const post = await api.post(`/families/${id}/contacts`, contactBody(), tokenOf(caller));
        const list = await api.get(`/families/${id}/contacts`, tokenOf(caller));
        got[`POST ${relation}`] = post.status;
        got[`GET ${relation}`] = list.status;
        want[`POST ${relation}`] = expectedPost(caller, relation);
        want[`GET ${relation}`] = expectedGet(caller, relation);
        [post, list].filter((r) => r.status >= 400).forEach((r) => expectProblem(r, r.status));
        if (list.status === 200) expect(list.body.items.length).toBe(await contactCount(db, id));
      }
      expect(got).toEqual(want);
      const after = await Promise.all(RELATIONS.map((r) => contactCount(db, families[r].id)));
      const created = RELATIONS.map((r) => (expectedPost(caller, r) === 201 ? 1 : 0));
      expect(after.map((n, i) => n - before[i]!)).toEqual(created);
    },
  );

  it('should record a contact with its participants and list it newest first', async () => {
    const family = await ownFamily();
    const members = (family.body.members as Array<{ id: string }>).map((m) => m.id);
    const older = await recordContact(api, own(), family.id, { occurredAt: isoIn(-3_600_000) });
    const body = contactBody({
      participantIds: members,
      contactMade: true,
      nextFollowUpAt: isoIn(86_400_000),
    });
    const response = await api.post(`/families/${family.id}/contacts`, body, own());
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      id: expect.stringMatching(UUID_RE),
      familyId: family.id,
      authorId: world.a.accompanier.id,
      kind: 'home_visit',
      occurredAt: body.occurredAt,
      contactMade: true,
      durationMinutes: 45,
      participantIds: members,
      summary: body.summary,
      needs: ['psychosocial'],
      nextFollowUpAt: body.nextFollowUpAt,
      corrections: [],
      version: 1,
    });
    const list = await api.get(`/families/${family.id}/contacts`, world.a.supervisor.accessToken);
    expect(idsOf(list)).toEqual([response.body.id, older.id]);
  });

  it('should answer a contact route on a hidden family exactly like on an absent one', async () => {
    const hidden = families.otherTeam.id;
    const listed = await api.get(`/families/${hidden}/contacts`, own());
    const absentList = await api.get(`/families/${randomUUID()}/contacts`, own());
    expectProblem(listed, 404);
    expect(problemShape(listed)).toEqual(problemShape(absentList));
    const a = await api.post(`/families/${hidden}/contacts`, contactBody(), own());
    const b = await api.post(`/families/${randomUUID()}/contacts`, contactBody(), own());
    expectProblem(a, 404);
    expect(problemShape(a)).toEqual(problemShape(b));
  });

  it('should replay a retried contact with the same Idempotency-Key, creating one contact and one reminder', async () => {
    const family = await ownFamily();
    const key = `contact-${randomUUID()}`;
    const body = contactBody({ nextFollowUpAt: isoIn(86_400_000) });
    const first = await api.post(`/families/${family.id}/contacts`, body, own(), { key });
    const second = await api.post(`/families/${family.id}/contacts`, body, own(), { key });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body).toEqual(first.body);
    expect(await contactCount(db, family.id)).toBe(1);
    expect((await reminderRows(db, family.id)).map((r) => [r.kind, r.status])).toEqual([
      ['follow_up_contact', 'scheduled'],
    ]);
  });

  it('should keep one open follow-up per family when contacts for it arrive at once', async () => {
    const open: number[] = [];
    for (let round = 0; round < 3; round++) {
      const family = await ownFamily();
      const answers = await Promise.all(
        [1, 2, 3, 4].map((h) =>
          api.post(
            `/families/${family.id}/contacts`,
            contactBody({ nextFollowUpAt: isoIn(h * 3_600_000) }),
            own(),
          ),
        ),
      );
      expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201]);
      const rows = await reminderRows(db, family.id);
      open.push(rows.filter((r) => r.kind === 'follow_up_contact' && r.status === 'scheduled').length);
    }
    expect(open).toEqual([1, 1, 1]);
  });

  describe('validation', () => {
    let family: FamilyCase;
    let stranger: string;
    beforeAll(async () => {
      family = await ownFamily();
      stranger = families.assigned.memberId;
    });

    it.each<[string, unknown]>([
      ['kind', 'chat'],
      ['kind', undefined],
      ['occurredAt', 'yesterday'],
      ['occurredAt', undefined],
      ['needs', ['food']],
      ['needs', 'psychosocial'],
      ['durationMinutes', -1],
      ['durationMinutes', 1441],
      ['durationMinutes', '45'],
      ['durationMinutes', 12.5],
      ['participantIds', ['not-a-uuid']],
      ['summary', '   '],
      ['contactMade', 'no'],
      ['nextFollowUpAt', 'soon'],
      ['authorId', '6f1c2b9e-3a4d-4e5f-8a9b-0c1d2e3f4a5b'],
    ])('should answer 400 naming %s for the bad value %j', async (field, value) => {
      const body = contactBody({ [field]: value });
      if (value === undefined) delete body[field];
      const response = await api.post(`/families/${family.id}/contacts`, body, own());
      expect([...new Set(problemFields(expectProblem(response, 400)))]).toEqual([field]);
    });

    it.each<[string, Record<string, unknown> | 'stranger']>([
      ['occurredAt', { occurredAt: isoIn(3_600_000) }],
      ['nextFollowUpAt', { occurredAt: isoIn(-60_000), nextFollowUpAt: isoIn(-120_000) }],
      ['participantIds[1]', 'stranger'],
    ])('should answer 422 naming %s for an impossible contact', async (field, overrides) => {
      const extra = overrides === 'stranger' ? { participantIds: [family.memberId, stranger] } : overrides;
      const before = await contactCount(db, family.id);
      const response = await api.post(`/families/${family.id}/contacts`, contactBody(extra), own());
      expect(problemFields(expectProblem(response, 422))).toEqual([field]);
      expect(await contactCount(db, family.id)).toBe(before);
    });
  });

  describe('editing and corrections', () => {
    let family: FamilyCase;
    let contact: Record<string, any>;
    const secret = `secret-${randomUUID()}`;
    beforeAll(async () => {
      family = await ownFamily();
      contact = await recordContact(api, own(), family.id, { summary: `First visit ${secret}` });
    });

    it('should let the author edit within 24 h, bumping the version and auditing field names only', async () => {
      const response = await api.patch(
        `/contacts/${contact.id}`,
        { summary: `Edited ${secret}`, needs: ['economic', 'health'] },
        own(),
        { ifMatch: 1 },
      );
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ id: contact.id, summary: `Edited ${secret}`, version: 2 });
      expect(response.body.needs).toEqual(['economic', 'health']);
      const rows = await auditRowsFor(db, contact.id);
      expect(rows.map((r) => [r.action, r.actor_id])).toEqual([
        ['contact.created', world.a.accompanier.id],
        ['contact.updated', world.a.accompanier.id],
      ]);
      expect([...rows[0]!.changed_fields].sort()).toEqual(Object.keys(contactBody()).sort());
      expect([...rows[1]!.changed_fields].sort()).toEqual(['needs', 'summary']);
      expect(JSON.stringify(rows)).not.toContain(secret);
    });

    it('should refuse to move occurredAt past the follow-up date the contact named', async () => {
      const dated = await recordContact(api, own(), family.id, {
        occurredAt: isoIn(-3 * 3_600_000),
        nextFollowUpAt: isoIn(-2 * 3_600_000),
      });
      const response = await api.patch(`/contacts/${dated.id}`, { occurredAt: isoIn(-3_600_000) }, own());
      expect(problemFields(expectProblem(response, 422))).toEqual(['occurredAt']);
      const moved = await api.patch(`/contacts/${dated.id}`, { occurredAt: isoIn(-4 * 3_600_000) }, own());
      expect(moved.status).toBe(200);
    });

    it('should answer 412 to a stale If-Match and keep the contact as it was', async () => {
      const stale = await api.patch(`/contacts/${contact.id}`, { summary: 'Lost update' }, own(), {
        ifMatch: 1,
      });
      expectProblem(stale, 412);
      const list = await api.get(`/families/${family.id}/contacts`, own());
      expect(list.body.items[0]).toMatchObject({ id: contact.id, summary: `Edited ${secret}`, version: 2 });
    });

    it('should refuse other users: 403 to roles without the right, 404 to those not seeing the family', async () => {
      const cases: Array<[string, string, number]> = [
        ['admin', world.admin.accessToken, 403],
        ['supervisor', world.a.supervisor.accessToken, 403],
        ['psychologist', world.a.psychologist.accessToken, 403],
        ['colleague (family not visible)', colleague.accessToken, 404],
        ['other team accompanier', world.b.accompanier.accessToken, 404],
      ];
      for (const [who, token, status] of cases) {
        const patch = await api.patch(`/contacts/${contact.id}`, { summary: 'Not mine' }, token);
        const correct = await api.post(`/contacts/${contact.id}/corrections`, { text: 'Not mine' }, token);
        expect({ who, patch: patch.status, correct: correct.status }).toEqual({
          who,
          patch: status,
          correct: status,
        });
      }
      const absent = await api.patch(`/contacts/${randomUUID()}`, { summary: 'x' }, own());
      expectProblem(absent, 404);
      expect((await auditRowsFor(db, contact.id)).length).toBe(2);
    });

    it('should answer 403 to another accompanier who sees the family, and let the author edit within the window once it is moved', async () => {
      const moved = await ownFamily();
      const mine = await recordContact(api, own(), moved.id);
      const reassign = await api.patch(
        `/families/${moved.id}`,
        { assignedAccompanierId: colleague.id },
        world.a.supervisor.accessToken,
      );
      expect(reassign.status).toBe(200);
      const seen = await api.get(`/families/${moved.id}/contacts`, colleague.accessToken);
      expect(idsOf(seen)).toContain(mine.id);
      const patch = await api.patch(`/contacts/${mine.id}`, { summary: 'Rewritten' }, colleague.accessToken);
      const correct = await api.post(
        `/contacts/${mine.id}/corrections`,
        { text: 'x' },
        colleague.accessToken,
      );
      expect(expectProblem(patch, 403).code).toBe('NOT_THE_AUTHOR');
      expectProblem(correct, 403);
      // Issue 12 item 9: still the author's, in the family's team, within 24 h (contact-author.e2e-spec.ts).
      expect((await api.patch(`/contacts/${mine.id}`, { summary: 'Still mine' }, own())).status).toBe(200);
    });

    it('should answer 422 after 24 h and take corrections instead, audited by field name', async () => {
      await db.query(`UPDATE contacts SET created_at = now() - interval '25 hours' WHERE id = $1`, [
        contact.id,
      ]);
      const late = await api.patch(`/contacts/${contact.id}`, { summary: 'Too late' }, own());
      expect(expectProblem(late, 422).code).toBe('EDIT_WINDOW_CLOSED');
      const text = `The visit was on Tuesday ${secret}`;
      const correction = await api.post(`/contacts/${contact.id}/corrections`, { text }, own());
      expect(correction.status).toBe(201);
      expect(correction.body).toMatchObject({
        id: expect.stringMatching(UUID_RE),
        contactId: contact.id,
        authorId: world.a.accompanier.id,
        text,
      });
      const list = await api.get(`/families/${family.id}/contacts`, world.a.supervisor.accessToken);
      const listed = itemsOf(list).find((c) => c.id === contact.id);
      expect(listed).toMatchObject({ summary: `Edited ${secret}`, version: 2 });
      expect(listed?.corrections).toEqual([correction.body]);
      const rows = await auditRowsFor(db, contact.id);
      expect(rows.map((r) => [r.action, r.changed_fields])).toEqual([
        ['contact.created', expect.any(Array)],
        ['contact.updated', expect.any(Array)],
        ['contact.corrected', ['corrections']],
      ]);
      expect(JSON.stringify(rows)).not.toContain(secret);
    });
  });
});
