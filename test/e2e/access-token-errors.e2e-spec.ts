import { AppConfig } from '@accompany/config';
import { decodeJwt, expectProblem, signJwt } from '../factories/auth.helpers';
import { ADMIN, login } from '../factories/world.factory';
import { startTestApp, type TestApp } from '../setup/test-app';

/** How a client tells "refresh your token" from "sign in again" (RFC 6750 challenges). */
describe('access token refusals', () => {
  let t: TestApp;
  let claims: Record<string, unknown>;
  let secret: string;
  const now = (): number => Math.floor(Date.now() / 1000);

  beforeAll(async () => {
    t = await startTestApp();
    const real = decodeJwt((await login(t.http, ADMIN.email, ADMIN.password)).accessToken);
    claims = { sub: real.sub, sid: real.sid, iss: real.iss, aud: real.aud };
    secret = t.app.get(AppConfig).jwt.accessSecret;
  });
  afterAll(() => t.close());

  it('should accept the same claims, correctly signed and in date (control)', async () => {
    const token = signJwt({ ...claims, iat: now(), exp: now() + 600 }, secret);
    const response = await t.http.get('/api/v1/auth/me', { token });
    expect(response.status).toBe(200);
    expect(response.headers.get('www-authenticate')).toBeNull();
  });

  it('should answer an expired token with 401 TOKEN_EXPIRED and an invalid_token challenge', async () => {
    const token = signJwt({ ...claims, iat: now() - 1200, exp: now() - 600 }, secret);
    const response = await t.http.get('/api/v1/auth/me', { token });
    expect(expectProblem(response, 401).code).toBe('TOKEN_EXPIRED');
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"(,|$)/);
  });

  it('should answer a bad signature with 401 INVALID_TOKEN, not TOKEN_EXPIRED, even when also expired', async () => {
    const wrong = 'a-wrong-secret-of-at-least-thirty-two-chars';
    for (const exp of [now() + 600, now() - 600]) {
      const token = signJwt({ ...claims, iat: now() - 1200, exp }, wrong);
      const response = await t.http.get('/api/v1/auth/me', { token });
      expect({ exp, code: expectProblem(response, 401).code }).toEqual({ exp, code: 'INVALID_TOKEN' });
      expect(response.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    }
  });

  it('should answer a missing token with a bare Bearer challenge', async () => {
    const response = await t.http.get('/api/v1/auth/me');
    expect(expectProblem(response, 401).code).toBe('INVALID_TOKEN');
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('should answer a token whose session ended with INVALID_TOKEN (signing in again is needed)', async () => {
    const tokens = await login(t.http, ADMIN.email, ADMIN.password);
    expect((await t.http.post('/api/v1/auth/logout', { refreshToken: tokens.refreshToken })).status).toBe(
      204,
    );
    const response = await t.http.get('/api/v1/auth/me', { token: tokens.accessToken });
    expect(expectProblem(response, 401).code).toBe('INVALID_TOKEN');
    expect(response.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
  });
});
