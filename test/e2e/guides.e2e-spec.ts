import path from 'node:path';
import { BootstrapAdminService, TeamsService, UsersService } from '@accompany/auth';
import { AppConfig } from '@accompany/config';
import { seedDemo } from '@accompany/demo';
import { ContactsService } from '@accompany/contacts';
import { FamiliesService } from '@accompany/families';
import { TransactionRunner } from '@accompany/persistence';
import { fillVariables, parseGuide, readGuide, valueAt } from '../setup/guide-requests';
import { startTestApp, type TestApp } from '../setup/test-app';

/**
 * docs/guides run as written: every request of each guide, in order, against the API with
 * the demo data `npm start` seeds (the same seeder), each answer's status checked against
 * the guide and the values it tells the reader to keep carried into later requests.
 */
const GUIDES = path.join(process.cwd(), 'docs/guides');
/** In the order a newcomer's team would meet them; later guides see what earlier ones did. */
const ROLES = ['accompanier', 'supervisor', 'admin', 'psychologist'];
const DAY = 86_400_000;

describe('first-hour guides', () => {
  let t: TestApp;
  /** The guides name the demo's admin; the test run has its own (test/setup/env.ts). */
  let adminLogin: [string, string][];
  const iso = (ms: number): string => new Date(Date.now() + ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

  beforeAll(async () => {
    t = await startTestApp();
    const config = t.app.get(AppConfig);
    await seedDemo({
      config,
      bootstrapAdmin: t.app.get(BootstrapAdminService),
      users: t.app.get(UsersService),
      teams: t.app.get(TeamsService),
      families: t.app.get(FamiliesService),
      contacts: t.app.get(ContactsService),
      tx: t.app.get(TransactionRunner),
    });
    adminLogin = [
      ['admin@accompany.local', config.bootstrapAdmin!.email],
      ['change-me-admin-password', config.bootstrapAdmin!.password],
    ];
  }, 120_000);
  afterAll(() => t.close());

  it('should read the request blocks, their expected status and the values to keep', () => {
    const [request, ...rest] = parseGuide(
      [
        '```sh',
        'NOW=$(date -u +%FT%TZ)',
        '```',
        '```sh',
        `curl -si -X PATCH "http://localhost:3000/api/v1/families/$ID" \\`,
        `  -H 'Content-Type: application/json' -H "If-Match: \\"$VERSION\\"" \\`,
        '  -d @- <<EOF',
        '{ "status": "active" }',
        'EOF',
        '# → 200; A=.items[0].id, B=.version',
        '```',
      ].join('\n'),
    );
    expect(rest).toEqual([]);
    expect(request).toEqual({
      source: `curl -si -X PATCH "http://localhost:3000/api/v1/families/$ID" \\`,
      method: 'PATCH',
      url: 'http://localhost:3000/api/v1/families/$ID',
      headers: { 'Content-Type': 'application/json', 'If-Match': '"$VERSION"' },
      body: '{ "status": "active" }',
      status: 200,
      captures: { A: '.items[0].id', B: '.version' },
    });
    expect(valueAt({ items: [{ id: 'x' }] }, '.items[0].id')).toBe('x');
    expect(() => fillVariables('$UNSET', {})).toThrow('$UNSET is used before the guide sets it');
  });

  it.each(ROLES)('should answer every request of the %s guide as the guide says', async (role) => {
    const requests = readGuide(path.join(GUIDES, `${role}.md`));
    expect(requests.length).toBeGreaterThan(3);
    const variables: Record<string, string> = { NOW: iso(0), NEXT: iso(14 * DAY), LATER: iso(21 * DAY) };
    const fill = (text: string): string =>
      adminLogin.reduce((out, [demo, run]) => out.replaceAll(demo, run), fillVariables(text, variables));
    const expected: string[] = [];
    const answered: string[] = [];
    for (const request of requests) {
      const url = fill(request.url).replace('http://localhost:3000', '');
      const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, fill(v)]));
      const body = request.body === undefined ? undefined : fill(request.body);
      const response = await t.http.request(request.method, url, undefined, { headers, raw: body });
      expected.push(`${request.source} → ${request.status}`);
      answered.push(
        `${request.source} → ${response.status}${response.status === request.status ? '' : ` ${response.text}`}`,
      );
      if (response.status !== request.status) break;
      for (const [name, jsonPath] of Object.entries(request.captures)) {
        const value = valueAt(response.body, jsonPath);
        if (typeof value !== 'string' && typeof value !== 'number') {
          throw new Error(`${request.source}: no value at ${jsonPath} for ${name} in ${response.text}`);
        }
        variables[name] = String(value);
      }
    }
    expect(answered).toEqual(expected.slice(0, answered.length));
    expect(answered.length).toBe(requests.length);
  });
});
