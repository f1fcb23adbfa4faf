import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { REDIS, RedisKeys } from '@accompany/redis';
import { expectProblem, itemsOf, problemFields, UUID_RE } from '../factories/admin.helpers';
import { ADMIN, login } from '../factories/world.factory';
import { startTestApp, type TestApp } from '../setup/test-app';

describe('HTTP contract (errors, headers, health, docs)', () => {
  let t: TestApp;
  let adminToken: string;

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = (await login(t.http, ADMIN.email, ADMIN.password)).accessToken;
  });
  afterAll(() => t.close());

  describe('problem details for bad input', () => {
    it('should answer malformed or empty JSON with 400 problem+json', async () => {
      const json = { 'content-type': 'application/json' };
      const broken = await t.http.post('/api/v1/teams', undefined, {
        token: adminToken,
        raw: '{"name": ',
        headers: json,
      });
      expect(expectProblem(broken, 400).code).toBe('MALFORMED_JSON');
      const empty = await t.http.post('/api/v1/teams', undefined, {
        token: adminToken,
        raw: '',
        headers: json,
      });
      expect(expectProblem(empty, 400).code).toBe('EMPTY_BODY');
      const login = await t.http.post('/api/v1/auth/login', undefined, { raw: '{email:1}', headers: json });
      expect(expectProblem(login, 400).code).toBe('MALFORMED_JSON');
    });

    it('should answer a JSON body that is not an object (null, array, string, number) with 400', async () => {
      for (const raw of ['null', '[]', '[{"name":"x"}]', '"a team"', '42', 'true']) {
        const response = await t.http.post('/api/v1/teams', undefined, {
          token: adminToken,
          raw,
          headers: { 'content-type': 'application/json' },
        });
        expect({ raw, status: response.status }).toEqual({ raw, status: 400 });
        expectProblem(response, 400);
      }
    });

    it('should answer a body above the default 1 MiB limit with 413', async () => {
      const raw = JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 16) });
      const response = await t.http.post('/api/v1/teams', undefined, {
        token: adminToken,
        raw,
        headers: { 'content-type': 'application/json' },
      });
      expectProblem(response, 413);
    });

    it('should answer text/plain, XML, multipart and missing content types with 415', async () => {
      const bodies: Array<[string | undefined, string]> = [
        ['text/plain', '{"name":"plain"}'],
        ['application/xml', '<team><name>x</name></team>'],
        ['multipart/form-data; boundary=x', '--x--'],
        [undefined, '{"name":"untyped"}'],
      ];
      for (const [type, raw] of bodies) {
        const headers: Record<string, string> = type ? { 'content-type': type } : {};
        const response = await t.http.post('/api/v1/teams', undefined, { token: adminToken, raw, headers });
        expect({ type, status: response.status }).toEqual({ type, status: 415 });
        expectProblem(response, 415);
      }
    });

    it('should answer a form-encoded body with 415 and create nothing', async () => {
      const name = `form-${randomUUID()}`;
      const response = await t.http.post('/api/v1/teams', undefined, {
        token: adminToken,
        raw: `name=${name}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      const teams = await t.http.get('/api/v1/teams?limit=200', { token: adminToken });
      expect(itemsOf(teams).map((team) => team.name)).not.toContain(name);
      expectProblem(response, 415);
    });

    it('should answer an unknown field with 400 naming it in errors[].field', async () => {
      const response = await t.http.post(
        '/api/v1/teams',
        { name: 'Unknown field team', colour: 'red' },
        { token: adminToken },
      );
      const body = expectProblem(response, 400);
      expect(problemFields(body)).toEqual(['colour']);
      expect(body.errors[0].message).toEqual(expect.any(String));
    });

    it('should answer a wrong type with 400 naming each bad field', async () => {
      const response = await t.http.post(
        '/api/v1/teams',
        { name: 123, region: ['x'] },
        { token: adminToken },
      );
      const fields = problemFields(expectProblem(response, 400));
      expect(new Set(fields)).toEqual(new Set(['name', 'region']));
      const users = await t.http.post(
        '/api/v1/users',
        {
          email: 'not-an-email',
          fullName: 'x',
          password: 'long-enough-password',
          role: 'king',
          teamId: 'nope',
        },
        { token: adminToken },
      );
      expect(new Set(problemFields(expectProblem(users, 400)))).toEqual(new Set(['email', 'role', 'teamId']));
    });

    it('should answer bad query parameters with 400 naming each parameter', async () => {
      const cases: Array<[string, string]> = [
        ['limit=abc', 'limit'],
        ['limit=1.5', 'limit'],
        ['teamId=not-a-uuid', 'teamId'],
        ['role=king', 'role'],
        ['sort=name', 'sort'],
      ];
      for (const [query, field] of cases) {
        const response = await t.http.get(`/api/v1/users?${query}`, { token: adminToken });
        expect({ query, status: response.status }).toEqual({ query, status: 400 });
        expect(problemFields(expectProblem(response, 400))).toContain(field);
      }
    });

    it('should answer a malformed UUID in a path with 400, never a lookup', async () => {
      for (const path of [
        '/api/v1/users/123',
        '/api/v1/teams/not-a-uuid',
        `/api/v1/users/${'a'.repeat(150)}`,
      ]) {
        const response = await t.http.get(path, { token: adminToken });
        expect({ path, status: response.status }).toEqual({ path, status: 400 });
        expect(problemFields(expectProblem(response, 400))).toEqual(['id']);
      }
    });

    it('should answer an unknown route or method with a 404 problem', async () => {
      const unknown = await t.http.get('/api/v1/does-not-exist', { token: adminToken });
      expect(expectProblem(unknown, 404).instance).toBe('/api/v1/does-not-exist');
      expectProblem(await t.http.get('/nowhere?x=1'), 404);
      expectProblem(
        await t.http.request('DELETE', `/api/v1/teams/${randomUUID()}`, undefined, { token: adminToken }),
        404,
      );
    });

    it('should answer a protected route without a usable token with 401 problem+json', async () => {
      expectProblem(await t.http.get('/api/v1/users'), 401);
      expectProblem(await t.http.get('/api/v1/auth/me', { token: 'not.a.jwt' }), 401);
      expectProblem(
        await t.http.get('/api/v1/teams', { headers: { authorization: `Basic ${adminToken}` } }),
        401,
      );
      expectProblem(await t.http.post('/api/v1/teams', { name: 'no token' }), 401);
    });
  });

  describe('X-Request-Id', () => {
    it('should echo a sane client request id on success and on errors, where it equals the body requestId', async () => {
      const id = 'client-req_42.abc:1';
      const ok = await t.http.get('/health/live', { headers: { 'x-request-id': id } });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('x-request-id')).toBe(id);
      const error = await t.http.get('/api/v1/users', { headers: { 'x-request-id': id } });
      expect(error.headers.get('x-request-id')).toBe(id);
      expect(expectProblem(error, 401).requestId).toBe(id);
    });

    it('should generate a UUID when none is sent, different for each request', async () => {
      const first = await t.http.get('/health/live');
      const second = await t.http.get('/api/v1/teams');
      expect(first.headers.get('x-request-id')).toMatch(UUID_RE);
      expect(second.headers.get('x-request-id')).toMatch(UUID_RE);
      expect(first.headers.get('x-request-id')).not.toBe(second.headers.get('x-request-id'));
      expect(expectProblem(second, 401).requestId).toBe(second.headers.get('x-request-id'));
    });

    it('should replace a hostile request id (too long, spaces, markup) with a UUID', async () => {
      for (const hostile of ['a'.repeat(300), 'has spaces in it', '<script>x</script>', 'x;y=z']) {
        const response = await t.http.get('/api/v1/nowhere', { headers: { 'x-request-id': hostile } });
        const echoed = response.headers.get('x-request-id');
        expect(echoed).toMatch(UUID_RE);
        expect(expectProblem(response, 404).requestId).toBe(echoed);
      }
    });
  });

  describe('health', () => {
    it('should answer /health/live with 200 without a token', async () => {
      const response = await t.http.get('/health/live');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ status: 'ok' });
    });

    it('should answer /health/ready with 200, database and redis up and the worker heartbeat', async () => {
      const response = await t.http.get('/health/ready');
      expect(response.status).toBe(200);
      expect(response.body.checks.database).toEqual(expect.objectContaining({ status: 'up' }));
      expect(response.body.checks.redis).toEqual(expect.objectContaining({ status: 'up' }));
      const worker = response.body.worker as { lastHeartbeat: unknown; alive: unknown };
      expect(Object.keys(worker).sort()).toEqual([
        'alive',
        'lastHeartbeat',
        'lastSweepAt',
        'sweepAgeSeconds',
        'sweepStale',
      ]);
      expect(typeof worker.alive).toBe('boolean');
      expect(worker.lastHeartbeat === null || typeof worker.lastHeartbeat === 'string').toBe(true);
    });

    it('should report the worker heartbeat from Redis as alive when fresh and dead when stale', async () => {
      const redis = t.app.get<Redis>(REDIS, { strict: false });
      const key = t.app.get(RedisKeys, { strict: false }).workerHeartbeat();
      const fresh = new Date().toISOString();
      await redis.set(key, fresh);
      expect((await t.http.get('/health/ready')).body.worker).toMatchObject({
        lastHeartbeat: fresh,
        alive: true,
      });
      const stale = new Date(Date.now() - 10 * 60_000).toISOString();
      await redis.set(key, stale);
      expect((await t.http.get('/health/ready')).body.worker).toMatchObject({
        lastHeartbeat: stale,
        alive: false,
      });
      await redis.del(key);
    });
  });

  describe('docs and headers', () => {
    it('should serve the OpenAPI document publicly, listing auth, users and teams paths', async () => {
      const response = await t.http.get('/api/docs-json');
      expect(response.status).toBe(200);
      const paths = Object.keys(response.body.paths as Record<string, unknown>);
      expect(paths).toEqual(
        expect.arrayContaining([
          '/api/v1/auth/login',
          '/api/v1/auth/refresh',
          '/api/v1/auth/logout',
          '/api/v1/auth/me',
          '/api/v1/users',
          '/api/v1/users/{id}',
          '/api/v1/teams',
          '/api/v1/teams/{id}',
        ]),
      );
      const doc = response.body as { paths: Record<string, Record<string, { security?: unknown[] }>> };
      expect(doc.paths['/api/v1/users']?.post?.security).toEqual(expect.arrayContaining([expect.anything()]));
      expect(doc.paths['/api/v1/auth/login']?.post?.security).toEqual([]);
    });

    it('should serve the docs UI as HTML without a token', async () => {
      const response = await t.http.get('/api/docs');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/text\/html/);
      expect(response.text).toMatch(/swagger/i);
    });

    it('should send helmet security headers on API, error and docs responses', async () => {
      for (const path of ['/health/live', '/api/v1/users', '/api/docs']) {
        const response = await t.http.get(path);
        expect({ path, nosniff: response.headers.get('x-content-type-options') }).toEqual({
          path,
          nosniff: 'nosniff',
        });
        expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
        expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
        expect(response.headers.get('x-powered-by')).toBeNull();
      }
    });

    it('should send no CORS headers by default, even to a cross-origin preflight', async () => {
      const origin = { origin: 'https://evil.example' };
      const simple = await t.http.get('/health/live', { headers: origin });
      expect(simple.headers.get('access-control-allow-origin')).toBeNull();
      const preflight = await t.http.request('OPTIONS', '/api/v1/users', undefined, {
        headers: { ...origin, 'access-control-request-method': 'POST' },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
      expect(preflight.headers.get('access-control-allow-methods')).toBeNull();
    });
  });

  // Runs last: these start and close more apps in this process (only public routes below).
  describe('apps started with other settings', () => {
    it('should honour a lowered BODY_LIMIT_BYTES with 413 above it and 400 (not 413) below it', async () => {
      const small = await startTestApp({ BODY_LIMIT_BYTES: '2048' });
      try {
        const headers = { 'content-type': 'application/json' };
        const over = await small.http.post('/api/v1/auth/login', undefined, {
          raw: JSON.stringify({ email: 'a@b.c', password: 'p'.repeat(3000) }),
          headers,
        });
        expectProblem(over, 413);
        const under = await small.http.post('/api/v1/auth/login', undefined, {
          raw: JSON.stringify({ email: 'a@b.c', password: 'p'.repeat(1000), extra: true }),
          headers,
        });
        expectProblem(under, 400);
      } finally {
        await small.close();
      }
    });

    it('should answer /health/ready with a 503 problem naming redis when Redis is unreachable', async () => {
      const broken = await startTestApp({ REDIS_URL: 'redis://127.0.0.1:1' });
      try {
        const started = Date.now();
        const ready = await broken.http.get('/health/ready');
        expect(Date.now() - started).toBeLessThan(10_000);
        const body = expectProblem(ready, 503);
        expect(body.failing).toEqual(['redis']);
        expect(body.checks.database).toEqual(expect.objectContaining({ status: 'up' }));
        expect(body.worker).toMatchObject({ lastHeartbeat: null, alive: false });
        expect((await broken.http.get('/health/live')).status).toBe(200);
      } finally {
        await broken.close();
      }
    });
  });
});
