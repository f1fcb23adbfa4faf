import { DataSource } from 'typeorm';
import { auditRowsFor, expectProblem, forgeCursor, problemFields } from '../factories/admin.helpers';
import {
  distinctFields,
  familyBody,
  FamilyApi,
  memberBody,
  missingPersonBody,
  withValue,
  type FamilyCase,
} from '../factories/family.factory';
import { fullBody, long, OTHERS, OUT_OF_RANGE, REGISTRATION } from '../factories/family-inputs';
import { buildWorld, uniqueSuffix, type TestWorld } from '../factories/world.factory';
import { startTestApp, type TestApp } from '../setup/test-app';

describe('families: input validation, lists, search, pagination, audit', () => {
  let t: TestApp;
  let api: FamilyApi;
  let world: TestWorld;
  let sup: string;
  let c: FamilyCase;

  beforeAll(async () => {
    t = await startTestApp();
    api = new FamilyApi(t.http);
    world = await buildWorld(t.http);
    sup = world.a.supervisor.accessToken;
    c = await api.createFamily(sup);
  });
  afterAll(() => t.close());

  describe('bad input → 400 naming the field', () => {
    it('should accept the valid base body', async () => {
      expect((await api.post('/families', fullBody(), sup)).status).toBe(201);
    });

    it.each(
      REGISTRATION.map(([path, value, field]) => [path, JSON.stringify(value)?.slice(0, 24), value, field]),
    )('should refuse POST /families with %s = %s', async (path, _label, value, field) => {
      const before = (await api.walk(sup, '', 200)).ids.length;
      const response = await api.post('/families', withValue(fullBody(), path, value), sup);
      // One error per bad field, never one per broken constraint.
      expect(problemFields(expectProblem(response, 400))).toEqual([field ?? path]);
      expect((await api.walk(sup, '', 200)).ids.length).toBe(before);
    });

    it.each(
      OTHERS.map(([kind, body, field]) => [kind, field, JSON.stringify(body).slice(0, 40), body] as const),
    )('should refuse the %s DTO naming %s for %s', async (kind, field, _label, body) => {
      const path = {
        family: `/families/${c.id}`,
        addMember: `/families/${c.id}/members`,
        member: `/members/${c.memberId}`,
        addPerson: `/families/${c.id}/missing-persons`,
        person: `/missing-persons/${c.missingPersonId}`,
      }[kind]!;
      const response = kind.startsWith('add')
        ? await api.post(path, body, sup)
        : await api.patch(path, body, sup);
      expect(problemFields(expectProblem(response, 400))).toEqual([field]);
      const after = (await api.get(`/families/${c.id}`, sup)).body;
      expect([after.version, after.members.length, after.missingPersons.length]).toEqual([1, 1, 1]);
    });

    it.each(OUT_OF_RANGE.map(([path, value]) => [path, JSON.stringify(value), value]))(
      'should answer 422 out_of_range to POST /families with %s = %s, and register nothing',
      async (path, _label, value) => {
        const before = (await api.walk(sup, '', 200)).ids.length;
        const response = await api.post('/families', withValue(fullBody(), path, value), sup);
        expect(expectProblem(response, 422)).toMatchObject({
          code: 'OUT_OF_RANGE',
          errors: [{ field: path, code: 'out_of_range' }],
        });
        expect((await api.walk(sup, '', 200)).ids.length).toBe(before);
      },
    );

    it('should answer 400 with every field when an impossible date comes with a malformed one', async () => {
      const body = withValue(withValue(fullBody(), 'members[0].birthYear', 1899), 'members[1].sex', 'f');
      const problem = expectProblem(await api.post('/families', body, sup), 400);
      const errors = problem.errors as Array<{ field: string; code: string }>;
      expect(errors.map((e) => [e.field, e.code])).toEqual([
        ['members[0].birthYear', 'out_of_range'],
        ['members[1].sex', 'not_allowed_value'],
      ]);
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['addMember', memberBody({ birthYear: 3000 }), 'birthYear'],
      ['member', { birthDate: '2999-01-01' }, 'birthDate'],
      ['addPerson', missingPersonBody({ disappearedOn: '1066-10-14' }), 'disappearedOn'],
      ['person', { disappearedOn: '2999-01-01' }, 'disappearedOn'],
      ['person', { birthDate: '1812-06-24' }, 'birthDate'],
    ])(
      'should answer 422 out_of_range to the %s DTO naming %s, changing nothing',
      async (kind, body, field) => {
        const path = {
          addMember: `/families/${c.id}/members`,
          member: `/members/${c.memberId}`,
          addPerson: `/families/${c.id}/missing-persons`,
          person: `/missing-persons/${c.missingPersonId}`,
        }[kind]!;
        const response = kind.startsWith('add')
          ? await api.post(path, body, sup)
          : await api.patch(path, body, sup);
        expect(expectProblem(response, 422).errors).toEqual([
          { field, code: 'out_of_range', message: expect.stringContaining(field) },
        ]);
        const after = (await api.get(`/families/${c.id}`, sup)).body;
        expect([after.version, after.members.length, after.missingPersons.length]).toEqual([1, 1, 1]);
        expect(after.members[0].birthDate).toBeNull();
      },
    );

    it('should accept the oldest dates that can be true: 1900 births, disappearances on the floor', async () => {
      const body = familyBody({
        members: [memberBody({ birthYear: 1900 }), memberBody({ birthDate: '1900-01-01' })],
        missingPersons: [missingPersonBody({ disappearedOn: '1988-01-01', birthDate: '1900-01-01' })],
      });
      expect((await api.post('/families', body, sup)).status).toBe(201);
    });

    it('should answer 422 naming members[0].birthYear when it contradicts birthDate', async () => {
      const body = familyBody({ members: [memberBody({ birthDate: '1970-05-01', birthYear: 1969 })] });
      expect(distinctFields(expectProblem(await api.post('/families', body, sup), 422))).toEqual([
        'members[0].birthYear',
      ]);
    });

    it('should answer 400 to a body that is not a JSON object', async () => {
      for (const raw of ['[]', '{"address":', '"text"']) {
        const response = await t.http.post('/api/v1/families', undefined, {
          token: sup,
          raw,
          headers: { 'content-type': 'application/json' },
        });
        expect({ raw, status: response.status }).toEqual({ raw, status: 400 });
      }
    });

    it('should keep a corrected birthDate consistent: the derived birthYear follows it', async () => {
      const family = await api.createFamily(sup, { members: [memberBody({ birthDate: '1970-05-01' })] });
      expect(family.body.members[0].birthYear).toBe(1970);
      const fixed = await api.patch(`/members/${family.memberId}`, { birthDate: '1971-05-01' }, sup);
      expect({ status: fixed.status, birthYear: fixed.body.birthYear }).toEqual({
        status: 200,
        birthYear: 1971,
      });
    });

    it.each([
      ['limit=201', 'limit'],
      ['limit=0', 'limit'],
      ['limit=ten', 'limit'],
      ['cursor=%25%25garbage!!', 'cursor'],
      [`cursor=${forgeCursor(['x'])}`, 'cursor'],
      [`cursor=${forgeCursor(['2026-01-01T00:00:00Z', 'not-a-uuid'])}`, 'cursor'],
      ['status=lost', 'status'],
      ['assignedAccompanierId=nope', 'assignedAccompanierId'],
      [`q=${long(101)}`, 'q'],
      ['teamId=x', 'teamId'],
    ])('should refuse GET /families?%s naming %s', async (query, field) => {
      expect(problemFields(expectProblem(await api.get(`/families?${query}`, sup), 400))).toEqual([field]);
    });
  });

  describe('lists, search and pagination', () => {
    const tag = `zq${uniqueSuffix()}`;
    const ids: Record<string, string> = {};
    const list = async (query: string, token = sup) => {
      const response = await api.get(`/families?limit=200&${query}`, token);
      expect(response.status).toBe(200);
      return (response.body.items as Array<{ id: string }>).map((item) => item.id);
    };

    beforeAll(async () => {
      const acc = world.a.accompanier;
      ids.elcin = (await api.createFamily(sup, { members: [memberBody({ fullName: `Elçin ${tag}` })] })).id;
      ids.aysel = (
        await api.createFamily(acc.accessToken, {
          missingPersons: [missingPersonBody({ fullName: `Айсель ${tag}` })],
        })
      ).id;
      ids.vuqar = (
        await api.createFamily(sup, {
          members: [memberBody({ fullName: 'Someone', otherNames: [`Vüqar ${tag}`] })],
        })
      ).id;
      await api.createFamily(world.b.supervisor.accessToken, {
        members: [memberBody({ fullName: `Elçin ${tag}` })],
        missingPersons: [missingPersonBody({ fullName: `Айсель ${tag}` })],
      });
      await api.moveFamily(sup, ids.elcin, ['active']);
      await api.moveFamily(sup, ids.vuqar, ['closed']);
    });

    it('should match names case- and accent-insensitively, in any script and other spellings', async () => {
      const queries: Array<[string, string[]]> = [
        [`elcin ${tag}`, [ids.elcin!]],
        [`ELÇİN ${tag.toUpperCase()}`, [ids.elcin!]],
        [`АЙСЕЛЬ ${tag}`, [ids.aysel!]],
        [`айсель ${tag}`, [ids.aysel!]],
        [`vuqar ${tag}`, [ids.vuqar!]],
        [tag, [ids.vuqar!, ids.aysel!, ids.elcin!]],
        [`nomatch${tag}`, []],
      ];
      for (const [q, expected] of queries) {
        expect({ q, ids: await list(`q=${encodeURIComponent(q)}`) }).toEqual({ q, ids: expected });
      }
      expect(await list('q=elcin')).toEqual(expect.arrayContaining([ids.elcin]));
      expect(await list(`q=${tag}`, world.a.accompanier.accessToken)).toEqual([ids.aysel]);
      expect(await list(`q=${tag}`, world.b.accompanier.accessToken)).toEqual([]);
    });

    it('should filter by status and assignedAccompanierId, combined with q', async () => {
      expect(await list(`q=${tag}&status=active`)).toEqual([ids.elcin]);
      expect(await list(`q=${tag}&status=closed`)).toEqual([ids.vuqar]);
      expect(await list(`q=${tag}&status=open`)).toEqual([ids.aysel]);
      expect(await list(`q=${tag}&assignedAccompanierId=${world.a.accompanier.id}`)).toEqual([ids.aysel]);
      const all = await api.get('/families?limit=200&status=closed', sup);
      expect(new Set((all.body.items as Array<{ status: string }>).map((f) => f.status))).toEqual(
        new Set(['closed']),
      );
    });

    it('should answer summaries without the address, and ETag only on single resources', async () => {
      const response = await api.get(`/families?q=${tag}`, sup);
      expect(response.headers.get('etag')).toBeNull();
      expect(Object.keys(response.body.items[0]).sort()).toEqual([
        'assignedAccompanierId',
        'createdAt',
        'id',
        'memberCount',
        'missingPersons',
        'preferredLanguage',
        'reference',
        'status',
        'teamId',
        'updatedAt',
        'version',
      ]);
    });

    it('should walk keyset pages without duplicates or gaps', async () => {
      const pageTag = `pg${uniqueSuffix()}`;
      const created: string[] = [];
      for (let i = 0; i < 12; i++) {
        created.push(
          (await api.createFamily(sup, { members: [memberBody({ fullName: `Page ${pageTag}` })] })).id,
        );
      }
      const walked = await api.walk(sup, `q=${pageTag}`, 5);
      expect(walked.pages).toBe(3);
      expect(walked.ids).toEqual([...created].reverse());
      const small = await api.walk(sup, '', 7);
      const whole = await api.walk(sup, '', 200);
      expect(small.ids).toEqual(whole.ids);
      expect(new Set(small.ids).size).toBe(small.ids.length);
    });
  });

  describe('audit', () => {
    it('should audit creation, update, status change, read and member creation with field names only', async () => {
      const ds = t.app.get(DataSource);
      const secret = uniqueSuffix();
      const body = familyBody({
        address: `Secret street ${secret}`,
        members: [memberBody({ fullName: `Nigar ${secret}`, phone: '+994 12 345 67 89' })],
        missingPersons: [missingPersonBody({ fullName: `Rauf ${secret}` })],
      });
      const family = await api.createFamily(sup, body);
      const path = `/families/${family.id}`;
      expect(
        (
          await api.patch(
            path,
            { address: `New street ${secret}`, consent: { sharingWithAuthorities: true } },
            sup,
          )
        ).status,
      ).toBe(200);
      expect(
        (
          await api.patch(
            path,
            { status: 'closed', closureReason: 'other', closureNote: `Note ${secret}` },
            sup,
          )
        ).status,
      ).toBe(200);
      expect((await api.get(path, sup)).status).toBe(200);
      const member = await api.post(`${path}/members`, memberBody({ fullName: `Leyla ${secret}` }), sup);
      const moved = await api.post(
        `/missing-persons/${family.missingPersonId}/status`,
        { status: 'closed', reason: `Reason ${secret}` },
        sup,
      );
      expect([member.status, moved.status]).toEqual([201, 200]);

      const rows = await auditRowsFor(ds, family.id);
      expect(rows.map((r) => [r.action, [...r.changed_fields].sort()])).toEqual([
        ['family.created', ['address', 'consent', 'members', 'missingPersons', 'preferredLanguage']],
        ['family.updated', ['address', 'consent.sharingWithAuthorities']],
        ['family.status_changed', ['closureNote', 'closureReason', 'status']],
        ['family.read', []],
      ]);
      expect(rows.every((r) => r.actor_id === world.a.supervisor.id && r.team_id === world.teamA.id)).toBe(
        true,
      );
      expect((await auditRowsFor(ds, family.memberId)).map((r) => r.action)).toEqual(['member.created']);
      expect(
        (await auditRowsFor(ds, member.body.id)).map((r) => [
          r.action,
          r.changed_fields.includes('fullName'),
        ]),
      ).toEqual([['member.created', true]]);
      expect(
        (await auditRowsFor(ds, family.missingPersonId)).map((r) => [r.action, r.changed_fields]),
      ).toEqual([
        ['missing_person.created', expect.arrayContaining(['fullName'])],
        ['missing_person.status_changed', ['status']],
      ]);
      const leaks = await ds.query(
        `SELECT action, changed_fields FROM audit_events a WHERE a::text ILIKE $1 OR a::text LIKE '%+994 12%'`,
        [`%${secret}%`],
      );
      expect(leaks).toEqual([]);
    });
  });
});
