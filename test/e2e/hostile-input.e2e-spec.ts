import net from 'node:net';
import { expectProblem, problemFields } from '../factories/admin.helpers';
import { FamilyApi, familyBody, memberBody, missingPersonBody } from '../factories/family.factory';
import { buildWorld, createUser, type TestWorld } from '../factories/world.factory';
import type { HttpResponse } from '../setup/http-client';
import { startTestApp, type TestApp } from '../setup/test-app';

const JSON_TYPE = { 'content-type': 'application/json' };
const FIELD_CODES = [
  'required',
  'unknown_field',
  'not_object',
  'wrong_type',
  'not_allowed_value',
  'invalid_format',
  'invalid_text',
  'too_short',
  'too_long',
  'too_small',
  'too_large',
  'too_few',
  'too_many',
  'not_unique',
];

const nestedArrays = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);

/** The one field error a 400 carries, asserting there is exactly one. */
function onlyError(response: HttpResponse, status = 400): { field: string; code: string; message: string } {
  const body = expectProblem(response, status);
  expect(body.errors).toHaveLength(1);
  return body.errors[0] as { field: string; code: string; message: string };
}

/** Sends raw bytes (requests fetch cannot make: unknown methods, bad encodings) and reads the answer. */
function rawExchange(baseUrl: string, request: string): Promise<{ head: string; body: string }> {
  const { port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1', () => socket.write(request));
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (data += chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const split = data.indexOf('\r\n\r\n');
      resolve({ head: data.slice(0, split), body: data.slice(split + 4) });
    });
    socket.setTimeout(10_000, () => socket.destroy(new Error('no answer')));
  });
}

function headerOf(head: string, name: string): string | undefined {
  const line = head.split('\r\n').find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
}

describe('hostile input and error answers', () => {
  let t: TestApp;
  let api: FamilyApi;
  let world: TestWorld;
  let admin: string;
  let sup: string;

  beforeAll(async () => {
    t = await startTestApp();
    api = new FamilyApi(t.http);
    world = await buildWorld(t.http);
    admin = world.admin.accessToken;
    sup = world.a.supervisor.accessToken;
  });
  afterAll(() => t.close());

  describe('deep nesting', () => {
    it('should refuse 500,000 nested arrays on the public logout with 400 while /health/live keeps answering', async () => {
      const hostile = nestedArrays(500_000);
      const inFlight = Array.from({ length: 6 }, () =>
        t.http.post('/api/v1/auth/logout', undefined, { raw: hostile, headers: JSON_TYPE }),
      );
      // Asked while the six hostile requests are still being sent and answered.
      const live = await t.http.get('/health/live');
      expect(live.status).toBe(200);
      for (const response of await Promise.all(inFlight)) {
        expect(expectProblem(response, 400).code).toBe('JSON_TOO_DEEP');
      }
      expect((await t.http.get('/health/live')).status).toBe(200);
    });

    it('should refuse one level beyond the documented limit of 32 on every body-taking route, before any DTO', async () => {
      const tooDeep = JSON.stringify({ name: JSON.parse(nestedArrays(32)) as unknown });
      const family = await api.createFamily(sup);
      const routes: Array<[string, string, string | undefined]> = [
        ['POST', '/api/v1/auth/login', undefined],
        ['POST', '/api/v1/auth/refresh', undefined],
        ['POST', '/api/v1/teams', admin],
        ['PATCH', `/api/v1/families/${family.id}`, sup],
        ['POST', `/api/v1/families/${family.id}/members`, sup],
        ['POST', '/api/v1/teams', undefined],
      ];
      for (const [method, path, token] of routes) {
        const response = await t.http.request(method, path, undefined, {
          token,
          raw: tooDeep,
          headers: JSON_TYPE,
        });
        expect({ method, path, status: response.status }).toEqual({ method, path, status: 400 });
        expect(expectProblem(response, 400).code).toBe('JSON_TOO_DEEP');
      }
    });

    it('should parse nesting at the limit and leave it to validation', async () => {
      const atLimit = JSON.stringify({ name: JSON.parse(nestedArrays(31)) as unknown });
      const response = await t.http.post('/api/v1/teams', undefined, {
        token: admin,
        raw: atLimit,
        headers: JSON_TYPE,
      });
      expect(onlyError(response)).toMatchObject({ field: 'name', code: 'wrong_type' });
    });

    it('should not count brackets inside strings as nesting', async () => {
      const name = `[[[[{{{{${'['.repeat(100)} team ${Date.now()}`.slice(0, 120);
      const response = await t.http.post('/api/v1/teams', { name }, { token: admin });
      expect(response.status).toBe(201);
      expect(response.body.name).toBe(name);
    });
  });

  describe('NUL and broken Unicode', () => {
    it('should answer a NUL in a body string with 400 naming the field, never 500', async () => {
      const team = await t.http.post('/api/v1/teams', { name: 'Team\u0000x' }, { token: admin });
      expect(onlyError(team)).toMatchObject({ field: 'name', code: 'invalid_text' });
      const family = await api.post(
        '/families',
        familyBody({ members: [memberBody({ otherNames: ['ok', 'bad\u0000'] })] }),
        sup,
      );
      expect(onlyError(family).field).toBe('members[0].otherNames[1]');
      const c = await api.createFamily(sup);
      const member = await api.patch(`/members/${c.memberId}`, { phone: '\u0000' }, sup);
      expect(onlyError(member)).toMatchObject({ field: 'phone', code: 'invalid_text' });
    });

    it('should answer a lone surrogate (e-mail and any text) with 400 naming the field', async () => {
      const login = await t.http.post('/api/v1/auth/login', undefined, {
        raw: '{"email":"a\\ud800@b.cc","password":"whatever-password"}',
        headers: JSON_TYPE,
      });
      expect(onlyError(login)).toMatchObject({ field: 'email', code: 'invalid_text' });
      const user = await t.http.post('/api/v1/users', undefined, {
        token: admin,
        raw: '{"email":"x\\udc00y@b.cc","fullName":"x","password":"long-enough-password","role":"admin"}',
        headers: JSON_TYPE,
      });
      expect(onlyError(user).field).toBe('email');
      const address = await t.http.post('/api/v1/families', undefined, {
        token: sup,
        raw: JSON.stringify(familyBody({ address: 'PLACEHOLDER' })).replace('PLACEHOLDER', 'x\\ud83d'),
        headers: JSON_TYPE,
      });
      expect(onlyError(address).field).toBe('address');
    });

    it('should answer a NUL in the query or the path with 400 naming the parameter', async () => {
      expect(onlyError(await api.get('/families?q=ab%00cd', sup))).toMatchObject({
        field: 'q',
        code: 'invalid_text',
      });
      expect(onlyError(await api.get('/families/%00', sup))).toMatchObject({
        field: 'id',
        code: 'invalid_text',
      });
      expect(onlyError(await t.http.get('/api/v1/users?role=%00', { token: admin })).field).toBe('role');
    });
  });

  describe('null where a value is required', () => {
    it('should answer otherNames: null on a new member or missing person with 400, not 500', async () => {
      const family = await api.post(
        '/families',
        familyBody({ members: [memberBody({ otherNames: null })] }),
        sup,
      );
      expect(onlyError(family)).toMatchObject({ field: 'members[0].otherNames', code: 'wrong_type' });
      const c = await api.createFamily(sup);
      const person = await api.post(
        `/families/${c.id}/missing-persons`,
        missingPersonBody({ otherNames: null }),
        sup,
      );
      expect(onlyError(person).field).toBe('otherNames');
      const patched = await api.patch(`/members/${c.memberId}`, { otherNames: null }, sup);
      expect(onlyError(patched).field).toBe('otherNames');
    });

    it('should answer null for a required column of a user or a team with 400 naming it', async () => {
      const user = await createUser(t.http, admin, 'accompanier', world.teamA.id, 'nulls');
      for (const field of ['fullName', 'active', 'role', 'teamId', 'password']) {
        const response = await t.http.patch(`/api/v1/users/${user.id}`, { [field]: null }, { token: admin });
        expect({ field, error: onlyError(response).field }).toEqual({ field, error: field });
      }
      const team = await t.http.patch(`/api/v1/teams/${world.teamB.id}`, { name: null }, { token: admin });
      expect(onlyError(team).field).toBe('name');
    });

    it('should still clear the fields the contract lets null clear', async () => {
      const region = await t.http.patch(
        `/api/v1/teams/${world.teamB.id}`,
        { region: null },
        { token: admin },
      );
      expect({ status: region.status, region: region.body.region }).toEqual({ status: 200, region: null });
      const c = await api.createFamily(sup);
      const member = await api.patch(`/members/${c.memberId}`, { phone: null }, sup);
      expect({ status: member.status, phone: member.body.phone }).toEqual({ status: 200, phone: null });
      const family = await api.patch(`/families/${c.id}`, { address: null, preferredLanguage: null }, sup);
      expect([family.status, family.body.address, family.body.preferredLanguage]).toEqual([200, null, null]);
    });
  });

  describe('router and HTTP-parser refusals are problem+json too', () => {
    it('should answer a badly encoded URL with a 400 problem carrying the request id', async () => {
      const response = await t.http.get('/api/v1/users/%E0%A4%A', { token: admin });
      expect(expectProblem(response, 400).code).toBe('BAD_URL');
    });

    it('should answer a path parameter above the router limit with a 414 problem', async () => {
      const response = await t.http.get(`/api/v1/users/${'a'.repeat(300)}`, { token: admin });
      expect(expectProblem(response, 414).code).toBe('URI_TOO_LONG');
    });

    it('should answer methods the server does not know or route with problem+json', async () => {
      const unknown = await rawExchange(t.http.baseUrl, 'FOO /api/v1/teams HTTP/1.1\r\nHost: x\r\n\r\n');
      expect(unknown.head).toMatch(/^HTTP\/1\.1 501 /);
      expect(headerOf(unknown.head, 'content-type')).toBe('application/problem+json');
      const body = JSON.parse(unknown.body) as Record<string, unknown>;
      expect(body).toMatchObject({ status: 501, code: 'METHOD_NOT_IMPLEMENTED' });
      expect(body.requestId).toBe(headerOf(unknown.head, 'x-request-id'));
      for (const method of ['PROPFIND', 'TRACE', 'PUT', 'QUERY']) {
        const answer = await rawExchange(
          t.http.baseUrl,
          `${method} /api/v1/teams HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
        );
        expect({ method, type: headerOf(answer.head, 'content-type') }).toEqual({
          method,
          type: expect.stringMatching(/^application\/problem\+json/),
        });
      }
    });

    it('should answer a request line or headers above the parser limit with a 431 problem', async () => {
      const response = await rawExchange(
        t.http.baseUrl,
        `GET /api/v1/teams?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
      );
      expect(response.head).toMatch(/^HTTP\/1\.1 431 /);
      expect(headerOf(response.head, 'content-type')).toBe('application/problem+json');
      expect(JSON.parse(response.body)).toMatchObject({ status: 431, code: 'HEADERS_TOO_LARGE' });
    });
  });

  describe('field errors', () => {
    it('should give one error per field with a stable code, and say a missing field is missing', async () => {
      const missingTeam = await t.http.post(
        '/api/v1/users',
        {
          email: 'no-team@e2e.test',
          fullName: 'No Team',
          password: 'long-enough-password',
          role: 'accompanier',
        },
        { token: admin },
      );
      expect(onlyError(missingTeam)).toEqual({
        field: 'teamId',
        code: 'required',
        message: 'teamId is required',
      });
      const wrong = await t.http.post(
        '/api/v1/teams',
        { name: 123, region: 'x'.repeat(121), colour: 'red' },
        { token: admin },
      );
      const body = expectProblem(wrong, 400);
      const codes = (body.errors as Array<{ field: string; code: string }>).map((e) => [e.field, e.code]);
      expect(codes.sort()).toEqual([
        ['colour', 'unknown_field'],
        ['name', 'wrong_type'],
        ['region', 'too_long'],
      ]);
      const registration = await api.post(
        '/families',
        familyBody({ members: [{ fullName: '', relationship: 'cousin', sex: 5 }] }),
        sup,
      );
      const errors = expectProblem(registration, 400).errors as Array<{ field: string; code: string }>;
      expect(problemFields({ errors }).sort()).toEqual([
        'members[0].fullName',
        'members[0].relationship',
        'members[0].sex',
      ]);
      for (const error of errors) expect(FIELD_CODES).toContain(error.code);
    });

    it('should decide a forbidden route before looking at an empty body', async () => {
      const empty = { raw: '', headers: JSON_TYPE };
      const accompanier = world.a.accompanier.accessToken;
      expect(
        expectProblem(await t.http.post('/api/v1/teams', undefined, { token: accompanier, ...empty }), 403)
          .code,
      ).toBe('FORBIDDEN');
      expectProblem(await t.http.post('/api/v1/teams', undefined, empty), 401);
      expect(
        expectProblem(await t.http.post('/api/v1/teams', undefined, { token: admin, ...empty }), 400).code,
      ).toBe('EMPTY_BODY');
    });

    it('should take If-Match: * as a valid precondition', async () => {
      const response = await t.http.patch(
        `/api/v1/teams/${world.teamB.id}`,
        { region: 'Any current version' },
        { token: admin, headers: { 'if-match': '*' } },
      );
      expect({ status: response.status, region: response.body.region }).toEqual({
        status: 200,
        region: 'Any current version',
      });
    });
  });

  describe('empty records', () => {
    it('should refuse a family with neither a member nor a missing person, and null or non-object bodies', async () => {
      const before = (await api.walk(sup, '', 200)).ids.length;
      for (const body of [
        {},
        { members: [] },
        { members: [], missingPersons: [] },
        { address: 'Only an address' },
      ]) {
        const error = onlyError(await api.post('/families', body, sup));
        expect({ body, error }).toEqual({
          body,
          error: {
            field: 'members',
            code: 'required',
            message: expect.stringMatching(/at least one member/),
          },
        });
      }
      for (const raw of ['null', '[]', '7', '"family"']) {
        const response = await t.http.post('/api/v1/families', undefined, {
          token: sup,
          raw,
          headers: JSON_TYPE,
        });
        expect({ raw, error: onlyError(response) }).toEqual({
          raw,
          error: { field: '(body)', code: 'not_object', message: 'the body must be a JSON object' },
        });
      }
      expect((await api.walk(sup, '', 200)).ids.length).toBe(before);
    });

    it('should register a family with only a member or only a missing person', async () => {
      expect((await api.post('/families', { members: [memberBody()] }, sup)).status).toBe(201);
      expect((await api.post('/families', { missingPersons: [missingPersonBody()] }, sup)).status).toBe(201);
    });

    it('should answer null as a PATCH body with 400', async () => {
      const c = await api.createFamily(sup);
      const response = await t.http.patch(`/api/v1/families/${c.id}`, undefined, {
        token: sup,
        raw: 'null',
        headers: JSON_TYPE,
      });
      expect(onlyError(response).code).toBe('not_object');
    });
  });
});
