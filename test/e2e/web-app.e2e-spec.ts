import { fakeWebBuild } from '../setup/web-fixture';
import { startTestApp, type TestApp } from '../setup/test-app';

const PAGE = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
const PROBLEM = 'application/problem+json';

describe('the browser UI served at / (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({}, { webDir: fakeWebBuild() });
  });
  afterAll(() => t.close());

  it('should serve index.html at / with a strict Content-Security-Policy', async () => {
    const response = await t.http.get('/', { headers: PAGE });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.text).toContain('<div id="root">');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });

  it.each(['/families', '/families/0b5f3a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b', '/reminders?due=1'])(
    'should answer a browser navigation to the app path %s with index.html',
    async (path) => {
      const response = await t.http.get(path, { headers: PAGE });
      expect(response.status).toBe(200);
      expect(response.text).toContain('<div id="root">');
      expect(response.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    },
  );

  it('should serve the hashed assets with the strict policy and a long cache', async () => {
    const response = await t.http.get('/assets/app-abc123.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-security-policy')).not.toContain('unsafe-inline');
  });

  it.each(['/api/v1/nope', '/api/nope', '/health/nope', '/admin/nope', '/assets/missing.js'])(
    'should keep answering problem+json 404 for %s, even to a browser',
    async (path) => {
      const response = await t.http.get(path, { headers: PAGE });
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain(PROBLEM);
    },
  );

  it('should answer problem+json 404 to a non-browser request for an app path', async () => {
    const response = await t.http.get('/families', { headers: { accept: 'application/json' } });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain(PROBLEM);
  });

  it('should leave the API its own policy (Swagger UI) and the UI none of it', async () => {
    const api = await t.http.get('/api/v1');
    expect(api.status).toBe(200);
    expect(api.headers.get('content-security-policy')).toContain("'unsafe-inline'");
  });
});
