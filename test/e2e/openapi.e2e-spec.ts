import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { HttpClient } from '../setup/http-client';
import { OpenApiResponses, toJsonSchema } from '../setup/openapi-responses';
import { startTestApp, type TestApp } from '../setup/test-app';

type Json = Record<string, any>;

const committed = JSON.parse(readFileSync(resolve(process.cwd(), 'openapi.json'), 'utf8')) as Json;

const headersOf = (entries: Record<string, string>): Headers => new Headers(entries);

describe('OpenAPI document', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('should serve exactly the committed openapi.json (npm run openapi writes it)', async () => {
    const served = await t.http.get('/api/docs-json');
    expect(served.status).toBe(200);
    expect(served.body).toEqual(committed);
  });

  it('should answer GET /api/v1 with a public index whose links work', async () => {
    const index = await t.http.get('/api/v1');
    expect(index.status).toBe(200);
    expect(index.body).toEqual({
      name: 'Accompany API',
      version: '1',
      links: {
        docs: '/api/docs',
        openapi: '/api/docs-json',
        live: '/health/live',
        ready: '/health/ready',
        login: '/api/v1/auth/login',
      },
    });
    const { links } = index.body as { links: Record<string, string> };
    for (const link of [links.docs, links.openapi, links.live, links.ready]) {
      expect({ link, status: (await t.http.get(link!)).status }).toEqual({ link, status: 200 });
    }
    const login = await t.http.post(links.login!, { email: 'nobody@e2e.test', password: 'wrong' });
    expect(login.status).toBe(401);
  });

  it('should describe every operation: summary, a 2xx body or 204, problem+json errors, security', () => {
    const gaps: string[] = [];
    for (const [path, item] of Object.entries(committed.paths as Json)) {
      for (const [method, operation] of Object.entries(item as Json)) {
        const key = `${method.toUpperCase()} ${path}`;
        const responses = operation.responses as Json;
        if (!operation.summary) gaps.push(`${key}: no summary`);
        if (!Array.isArray(operation.security)) gaps.push(`${key}: no security`);
        const success = Object.keys(responses).filter((status) => /^2\d\d$/.test(status));
        if (success.length === 0) gaps.push(`${key}: no 2xx`);
        for (const status of success) {
          if (status !== '204' && !responses[status].content?.['application/json']?.schema) {
            gaps.push(`${key}: ${status} has no body schema`);
          }
        }
        for (const [status, response] of Object.entries(responses)) {
          if ((status === 'default' || status >= '400') && !response.content?.['application/problem+json']) {
            gaps.push(`${key}: ${status} is not problem+json`);
          }
        }
      }
    }
    expect(gaps).toEqual([]);
  });

  it('should mark exactly the public routes security: [] and the rest bearer', () => {
    const publicOps = Object.entries(committed.paths as Json).flatMap(([path, item]) =>
      Object.entries(item as Json)
        .filter(([, operation]) => (operation.security as unknown[]).length === 0)
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(publicOps.sort()).toEqual([
      'GET /api/v1',
      'GET /health/live',
      'GET /health/ready',
      'POST /api/v1/auth/login',
      'POST /api/v1/auth/logout',
      'POST /api/v1/auth/refresh',
    ]);
    expect(committed.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(committed.servers).toEqual([{ url: '/', description: 'This deployment' }]);
  });
});

/** The checker every e2e request goes through must be able to fail. */
describe('response checking against openapi.json', () => {
  const documented = OpenApiResponses.fromCommittedFile();
  const json = { 'content-type': 'application/json; charset=utf-8', 'x-request-id': 'r' };
  const team = { id: '6f1c2b9e-3a4d-4e5f-8a9b-0c1d2e3f4a5b', name: 'Barda', region: null, version: 1 };

  it('should accept an answer as documented', () => {
    expect(
      documented.check('GET', `/api/v1/teams/${team.id}`, 200, headersOf({ ...json, etag: '"1"' }), team),
    ).toEqual([]);
  });

  it('should refuse a wrong type, a missing or undocumented field, and a bad format', () => {
    const check = (body: unknown) =>
      documented.check('GET', `/api/v1/teams/${team.id}`, 200, headersOf({ ...json, etag: '"1"' }), body);
    expect(check({ ...team, version: '1' })).toEqual([expect.stringContaining('/version must be integer')]);
    expect(check({ ...team, name: undefined })).toEqual([
      expect.stringContaining("required property 'name'"),
    ]);
    expect(check({ ...team, secret: 'x' })).toEqual([expect.stringContaining('additional properties')]);
    expect(check({ ...team, id: 'not-a-uuid' })).toEqual([
      expect.stringContaining('must match format "uuid"'),
    ]);
    expect(check({ ...team, region: 3 })).not.toEqual([]);
  });

  it('should refuse an undocumented status, a missing ETag and an undocumented header', () => {
    expect(documented.check('GET', '/api/v1/teams', 412, headersOf(json), {})).toEqual([
      'GET /api/v1/teams answered 412, which it does not document',
    ]);
    expect(documented.check('GET', `/api/v1/teams/${team.id}`, 200, headersOf(json), team)).toEqual([
      expect.stringContaining('header etag is missing'),
    ]);
    const page = { items: [], nextCursor: null };
    expect(documented.check('GET', '/api/v1/teams', 200, headersOf({ ...json, etag: '"1"' }), page)).toEqual([
      expect.stringContaining('header etag is not documented'),
    ]);
  });

  it('should check errors as problem+json and let 5xx, 413 and 415 fall to default', () => {
    const problem = {
      type: 'urn:accompany:problem:not-found',
      title: 'Not Found',
      status: 404,
      detail: 'Team not found.',
      instance: '/api/v1/teams/x',
      requestId: 'r',
      code: 'TEAM_NOT_FOUND',
    };
    const problemHeaders = headersOf({ 'content-type': 'application/problem+json', 'x-request-id': 'r' });
    expect(documented.check('GET', `/api/v1/teams/${team.id}`, 404, problemHeaders, problem)).toEqual([]);
    expect(documented.check('GET', `/api/v1/teams/${team.id}`, 404, headersOf(json), problem)).toEqual([
      expect.stringContaining('answered application/json'),
    ]);
    expect(
      documented.check('PATCH', `/api/v1/teams/${team.id}`, 400, problemHeaders, {
        ...problem,
        errors: [
          { field: 'name', message: 'too long', code: 'maxLength' },
          { field: 'region', message: 'm' },
        ],
      }),
    ).toEqual([]);
    expect(documented.check('POST', '/api/v1/teams', 503, problemHeaders, problem)).toEqual([]);
    expect(documented.check('POST', '/api/v1/teams', 415, problemHeaders, problem)).toEqual([]);
    expect(documented.check('POST', '/api/v1/teams', 503, problemHeaders, { status: 503 })).not.toEqual([]);
  });

  it('should turn nullable into null-or-type and close objects but the problem', () => {
    expect(toJsonSchema({ type: 'string', nullable: true, example: 'x' })).toEqual({
      anyOf: [{ type: 'string' }, { type: 'null' }],
    });
    expect(toJsonSchema({ properties: { a: { $ref: '#/components/schemas/A' } } })).toEqual({
      properties: { a: { $ref: 'openapi-components#/definitions/A' } },
      additionalProperties: false,
    });
  });

  it('should make the HTTP client throw on an undocumented answer', async () => {
    const t = await startTestApp();
    try {
      // The served document lists no 404 for /health/live: a lying client would pass it on.
      const client = new HttpClient(t.http.baseUrl);
      await expect(client.get('/api/v1/auth/me')).resolves.toMatchObject({ status: 401 });
      const strictAboutStatuses = new OpenApiResponses({
        ...committed,
        paths: { '/api/v1/auth/me': { get: { responses: { '200': { description: 'OK' } } } } },
      });
      await expect(
        new HttpClient(t.http.baseUrl, strictAboutStatuses).get('/api/v1/auth/me'),
      ).rejects.toThrow('GET /api/v1/auth/me answered 401, which it does not document');
    } finally {
      await t.close();
    }
  });
});
