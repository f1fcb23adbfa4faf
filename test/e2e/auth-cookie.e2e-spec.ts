import { AUTH } from '../factories/auth.helpers';
import { ADMIN, createTeam, createUser, login, type TestUser } from '../factories/world.factory';
import type { HttpResponse } from '../setup/http-client';
import { startTestApp, type TestApp } from '../setup/test-app';

const COOKIE = 'accompany_refresh';
const ASK = { 'x-refresh-cookie': '1' };

/** The refresh cookie's value and attributes from a Set-Cookie answer, if it sets one. */
function refreshCookie(response: HttpResponse): { value: string; attributes: string[] } | undefined {
  const line = response.headers.getSetCookie().find((cookie) => cookie.startsWith(`${COOKIE}=`));
  if (!line) return undefined;
  const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
  return { value: pair.slice(COOKIE.length + 1), attributes: attributes.map((a) => a.toLowerCase()) };
}

const withCookie = (value: string) => ({ headers: { cookie: `${COOKIE}=${value}` } });

describe('auth: the refresh token in an HTTP-only cookie (e2e)', () => {
  let t: TestApp;
  let user: TestUser;

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_PER_IP_PER_MINUTE: '1000' });
    const adminToken = (await login(t.http, ADMIN.email, ADMIN.password)).accessToken;
    const team = await createTeam(t.http, adminToken, `Cookie ${Date.now()}`);
    user = await createUser(t.http, adminToken, 'accompanier', team.id, 'cookie');
  });
  afterAll(() => t.close());

  const cookieLogin = () =>
    t.http.post(AUTH.login, { email: user.email, password: user.password }, { headers: ASK });

  it('should set an HttpOnly, Secure, SameSite=Strict cookie scoped to the auth routes and leave the token out of the body', async () => {
    const response = await cookieLogin();
    expect(response.status).toBe(200);
    expect(Object.keys(response.body as object).sort()).toEqual(['accessToken', 'expiresIn']);
    const cookie = refreshCookie(response);
    expect(cookie?.value.length).toBeGreaterThanOrEqual(32);
    expect(cookie?.attributes).toEqual(
      expect.arrayContaining(['httponly', 'secure', 'samesite=strict', 'path=/api/v1/auth']),
    );
    expect(cookie?.attributes.some((a) => a.startsWith('max-age='))).toBe(true);
  });

  it('should keep the JSON variant unchanged for a client that does not ask for the cookie', async () => {
    const response = await t.http.post(AUTH.login, { email: user.email, password: user.password });
    expect(Object.keys(response.body as object).sort()).toEqual(['accessToken', 'expiresIn', 'refreshToken']);
    expect(refreshCookie(response)).toBeUndefined();
  });

  it('should refresh from the cookie alone, rotating it, and refuse the rotated one afterwards', async () => {
    const first = refreshCookie(await cookieLogin())!.value;
    const refreshed = await t.http.post(AUTH.refresh, {}, withCookie(first));
    expect(refreshed.status).toBe(200);
    expect(Object.keys(refreshed.body as object).sort()).toEqual(['accessToken', 'expiresIn']);
    const second = refreshCookie(refreshed)!.value;
    expect(second).not.toBe(first);
    const me = await t.http.get(AUTH.me, { token: (refreshed.body as { accessToken: string }).accessToken });
    expect(me.status).toBe(200);

    // The old cookie is dead (a reuse ends the session), and the refusal clears it.
    const reused = await t.http.post(AUTH.refresh, {}, withCookie(first));
    expect(reused.status).toBe(401);
    expect((reused.body as { code: string }).code).toBe('INVALID_REFRESH_TOKEN');
    expect(refreshCookie(reused)?.value).toBe('');
    expect((await t.http.post(AUTH.refresh, {}, withCookie(second))).status).toBe(401);
  });

  it('should answer 400 refreshToken required when neither the body nor a cookie carries a token', async () => {
    const response = await t.http.post(AUTH.refresh, {});
    expect(response.status).toBe(400);
    expect((response.body as { errors: Array<{ field: string; code: string }> }).errors).toEqual([
      expect.objectContaining({ field: 'refreshToken', code: 'required' }),
    ]);
  });

  it('should still prefer the body token, answering in JSON, when both are sent', async () => {
    const json = await t.http.post(AUTH.login, { email: user.email, password: user.password });
    const bodyToken = (json.body as { refreshToken: string }).refreshToken;
    const response = await t.http.post(AUTH.refresh, { refreshToken: bodyToken }, withCookie('x'.repeat(40)));
    expect(response.status).toBe(200);
    expect(typeof (response.body as { refreshToken?: string }).refreshToken).toBe('string');
    expect(refreshCookie(response)).toBeUndefined();
  });

  it('should end the session of the cookie on logout and clear the cookie', async () => {
    const token = refreshCookie(await cookieLogin())!.value;
    const out = await t.http.post(AUTH.logout, {}, withCookie(token));
    expect(out.status).toBe(204);
    const cleared = refreshCookie(out);
    expect(cleared?.value).toBe('');
    expect(cleared?.attributes).toEqual(expect.arrayContaining(['path=/api/v1/auth']));
    expect((await t.http.post(AUTH.refresh, {}, withCookie(token))).status).toBe(401);
  });

  it('should refuse a cookie that is not a known token', async () => {
    const response = await t.http.post(AUTH.refresh, {}, withCookie('not-a-real-token-0123456789abcdef'));
    expect(response.status).toBe(401);
  });
});
