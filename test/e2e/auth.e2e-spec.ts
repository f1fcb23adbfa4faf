import { DataSource } from 'typeorm';
import { PasswordHasher } from '@accompany/auth';
import { AppConfig } from '@accompany/config';
import * as h from '../factories/auth.helpers';
import { AUTH, expectProblem, fieldsOf, meStatus, refreshStatus, tryLogin } from '../factories/auth.helpers';
import {
  ADMIN,
  createTeam,
  createUser,
  login,
  type RoleName,
  type TestUser,
} from '../factories/world.factory';
import { startTestApp, type TestApp } from '../setup/test-app';

describe('auth (e2e)', () => {
  let t: TestApp;
  let adminToken: string;
  let teamA: { id: string };
  let teamB: { id: string };
  const passwordsUsed: string[] = [ADMIN.password];

  const newUser = async (role: RoleName = 'accompanier'): Promise<TestUser> => {
    const user = await createUser(t.http, adminToken, role, teamA.id, 'auth');
    passwordsUsed.push(user.password);
    return user;
  };
  const patchUser = (id: string, body: object, headers: Record<string, string> = {}) =>
    t.http.patch(`/api/v1/users/${id}`, body, { token: adminToken, headers });
  const changePassword = (token: string, body: object, headers: Record<string, string> = {}) =>
    t.http.post(AUTH.password, body, { token, headers });
  const rawLogin = (raw: string, contentType = 'application/json') =>
    t.http.request('POST', AUTH.login, undefined, { raw, headers: { 'content-type': contentType } });

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = (await login(t.http, ADMIN.email, ADMIN.password)).accessToken;
    teamA = await createTeam(t.http, adminToken, `Auth A ${Date.now()}`);
    teamB = await createTeam(t.http, adminToken, `Auth B ${Date.now()}`);
  });
  afterAll(() => t.close());

  describe('login', () => {
    it('should answer 200 with a token pair whose expiresIn matches the access token lifetime', async () => {
      const user = await newUser();
      const response = await tryLogin(t.http, user.email, user.password);
      expect(response.status).toBe(200);
      const pair = response.body as h.TokenPair;
      expect(Object.keys(pair).sort()).toEqual(['accessToken', 'expiresIn', 'refreshToken']);
      expect(pair.refreshToken.length).toBeGreaterThanOrEqual(32);
      const claims = h.decodeJwt(pair.accessToken);
      expect(Number.isInteger(pair.expiresIn) && pair.expiresIn > 0).toBe(true);
      expect(claims.exp - claims.iat).toBe(pair.expiresIn);
      expect(claims.sub).toBe(user.id);
      expect(await meStatus(t.http, pair.accessToken)).toBe(200);
    });

    it('should accept the e-mail in any letter case', async () => {
      const user = await newUser();
      expect((await tryLogin(t.http, user.email.toUpperCase(), user.password)).status).toBe(200);
    });

    it.each([
      ['should name email when it is missing', { password: 'whatever-password' }, ['email']],
      ['should name email when it is not an e-mail', { email: 'nope', password: 'x' }, ['email']],
      ['should name password when it is not a string', { email: 'a@e2e.test', password: 123 }, ['password']],
      ['should name an unknown field', { email: 'a@e2e.test', password: 'x', extra: 1 }, ['extra']],
      ['should name every bad field at once', { password: 5 }, ['email', 'password']],
    ])('%s with 400 problem+json', async (_title, body, fields) => {
      const problem = expectProblem(await t.http.post(AUTH.login, body), 400);
      expect(problem.instance).toBe(AUTH.login);
      expect([...new Set(fieldsOf(problem))].sort()).toEqual(fields);
      const messages = (problem.errors as Array<{ message: unknown }>).map((error) => typeof error.message);
      expect(new Set(messages)).toEqual(new Set(['string']));
    });

    it('should answer malformed JSON or a null body with 400 and a non-JSON body with 415, never 500', async () => {
      expectProblem(await rawLogin('{bad'), 400);
      expectProblem(await rawLogin('null'), 400);
      expectProblem(await rawLogin('a', 'text/plain'), 415);
    });

    it('should answer 401 problem+json for a wrong password', async () => {
      const user = await newUser();
      const problem = expectProblem(await tryLogin(t.http, user.email, `${user.password}-wrong`), 401);
      expect(JSON.stringify(problem)).not.toContain(user.password);
    });

    it('should answer an unknown e-mail exactly like a wrong password, checked against the dummy hash', async () => {
      const user = await newUser();
      const hasher = t.app.get(PasswordHasher);
      const before = hasher.dummyVerifications;
      const wrongPassword = await tryLogin(t.http, user.email, 'not-the-password-1');
      expect(hasher.dummyVerifications).toBe(before);
      const unknown = await tryLogin(t.http, h.unknownEmail(), 'not-the-password-1');
      expect(hasher.dummyVerifications).toBe(before + 1);
      expectProblem(unknown, 401);
      expect(unknown.status).toBe(wrongPassword.status);
      expect(unknown.headers.get('content-type')).toBe(wrongPassword.headers.get('content-type'));
      expect(h.withoutRequestFields(unknown.body)).toEqual(h.withoutRequestFields(wrongPassword.body));
    });

    it('should refuse an inactive user with 401 even with the right password', async () => {
      const user = await newUser();
      expect((await patchUser(user.id, { active: false })).status).toBe(200);
      const inactive = await tryLogin(t.http, user.email, user.password);
      const wrong = await tryLogin(t.http, user.email, 'not-the-password-1');
      expectProblem(inactive, 401);
      expect(h.withoutRequestFields(inactive.body)).toEqual(h.withoutRequestFields(wrong.body));
    });
  });

  describe('access tokens', () => {
    it('should answer /auth/me with the caller profile', async () => {
      const user = await newUser('psychologist');
      const me = await t.http.get(AUTH.me, { token: user.accessToken });
      expect(me.status).toBe(200);
      const profile = { id: user.id, email: user.email, fullName: 'psychologist auth', role: 'psychologist' };
      expect(me.body).toEqual({ ...profile, teamId: teamA.id });
    });

    it('should answer 401 problem+json to a missing, garbage, forged, foreign, expired or unsigned token', async () => {
      const real = h.decodeJwt((await newUser()).accessToken);
      const secret = t.app.get(AppConfig).jwt.accessSecret;
      const now = Math.floor(Date.now() / 1000);
      const claims = { sub: real.sub, sid: real.sid, iss: real.iss, aud: real.aud, iat: now, exp: now + 600 };
      // Control: the same claims signed with the real secret are accepted.
      expect(await meStatus(t.http, h.signJwt(claims, secret))).toBe(200);
      const refused = h.refusedAccessTokens(claims, secret);
      const answers: Array<[string, number, string | null]> = [];
      for (const [label, token] of refused) {
        const response = await t.http.get(AUTH.me, token === undefined ? {} : { token });
        answers.push([label, response.status, response.headers.get('content-type')]);
      }
      const problem: unknown = expect.stringMatching(/^application\/problem\+json/);
      expect(answers).toEqual(refused.map(([label]) => [label, 401, problem]));
    });
  });

  describe('refresh and logout', () => {
    it('should rotate into a new pair of the same session and kill the old refresh token', async () => {
      const user = await newUser();
      const rotated = await t.http.post(AUTH.refresh, { refreshToken: user.refreshToken });
      expect(rotated.status).toBe(200);
      const pair = rotated.body as h.TokenPair;
      expect(pair.refreshToken).not.toBe(user.refreshToken);
      expect(pair.expiresIn).toBeGreaterThan(0);
      expect(h.decodeJwt(pair.accessToken).sid).toBe(h.decodeJwt(user.accessToken).sid);
      expect(await meStatus(t.http, pair.accessToken)).toBe(200);
      expectProblem(await t.http.post(AUTH.refresh, { refreshToken: user.refreshToken }), 401);
      expectProblem(await t.http.post(AUTH.refresh, { refreshToken: 'x'.repeat(43) }), 401);
      expect(fieldsOf(expectProblem(await t.http.post(AUTH.refresh, {}), 400))).toContain('refreshToken');
    });

    it('should revoke the whole session when a dead refresh token is reused, and only that session', async () => {
      const user = await newUser();
      const first = await h.loginPair(t.http, user.email, user.password);
      const newest = await h.rotate(t.http, (await h.rotate(t.http, first.refreshToken)).refreshToken);
      expect(await meStatus(t.http, newest.accessToken)).toBe(200);
      const id = h.requestId();
      const reuse = { refreshToken: first.refreshToken };
      expectProblem(await t.http.post(AUTH.refresh, reuse, { headers: h.idHeader(id) }), 401);
      expect(await meStatus(t.http, newest.accessToken)).toBe(401);
      expect(await meStatus(t.http, first.accessToken)).toBe(401);
      expect(await refreshStatus(t.http, newest.refreshToken)).toBe(401);
      const events = await h.auditByRequest(t.app.get(DataSource), id);
      expect(events.map((row) => row.action)).toEqual(['auth.refresh_reused']);
      // The user's other session (opened by createUser) lives on.
      expect(await meStatus(t.http, user.accessToken)).toBe(200);
    });

    it('should let exactly one of two concurrent refreshes with the same token succeed', async () => {
      const user = await newUser();
      const both = await Promise.all([0, 1].map(() => refreshStatus(t.http, user.refreshToken)));
      expect(both.sort()).toEqual([200, 401]);
    });

    it('should end the session on logout: 204, then its access and refresh tokens answer 401', async () => {
      const user = await newUser();
      const other = await h.loginPair(t.http, user.email, user.password);
      const response = await t.http.post(AUTH.logout, { refreshToken: user.refreshToken });
      expect([response.status, response.text]).toEqual([204, '']);
      expectProblem(await t.http.get(AUTH.me, { token: user.accessToken }), 401);
      expectProblem(await t.http.post(AUTH.refresh, { refreshToken: user.refreshToken }), 401);
      expect(await meStatus(t.http, other.accessToken)).toBe(200);
      expect((await t.http.post(AUTH.logout, { refreshToken: user.refreshToken })).status).toBe(204);
    });

    it('should answer 204 to a logout with an unknown token', async () => {
      const response = await t.http.post(AUTH.logout, { refreshToken: 'u'.repeat(43) });
      expect([response.status, response.text]).toEqual([204, '']);
    });
  });

  describe('password change', () => {
    it('should answer 204, end the other sessions, keep the current one and swap the passwords', async () => {
      const user = await newUser();
      const current = await h.loginPair(t.http, user.email, user.password);
      const newPassword = `new-${user.password}`;
      passwordsUsed.push(newPassword);
      const body = { currentPassword: user.password, newPassword };
      expect((await changePassword(current.accessToken, body)).status).toBe(204);
      expect(await meStatus(t.http, user.accessToken)).toBe(401);
      expect(await refreshStatus(t.http, user.refreshToken)).toBe(401);
      expect(await meStatus(t.http, current.accessToken)).toBe(200);
      expect(await refreshStatus(t.http, current.refreshToken)).toBe(200);
      expectProblem(await tryLogin(t.http, user.email, user.password), 401);
      expect((await tryLogin(t.http, user.email, newPassword)).status).toBe(200);
    });

    it('should refuse a wrong current password with 422 and change nothing', async () => {
      const user = await newUser();
      const current = await h.loginPair(t.http, user.email, user.password);
      const body = { currentPassword: 'not-my-password-1', newPassword: 'a-brand-new-password-1' };
      expect(fieldsOf(expectProblem(await changePassword(current.accessToken, body), 422))).toEqual([
        'currentPassword',
      ]);
      expect(await meStatus(t.http, user.accessToken)).toBe(200);
      expect((await tryLogin(t.http, user.email, user.password)).status).toBe(200);
    });

    it('should refuse a too-short new password with 400 naming newPassword', async () => {
      const user = await newUser();
      const body = { currentPassword: user.password, newPassword: 'short' };
      const problem = expectProblem(await changePassword(user.accessToken, body), 400);
      expect(fieldsOf(problem)).toEqual(['newPassword']);
      expect((await tryLogin(t.http, user.email, user.password)).status).toBe(200);
    });
  });

  describe('admin changes', () => {
    it('should end every session of a user whose password an admin resets', async () => {
      const user = await newUser();
      const other = await h.loginPair(t.http, user.email, user.password);
      const password = `reset-${user.password}`;
      passwordsUsed.push(password);
      const response = await patchUser(user.id, { password });
      expect(response.status).toBe(200);
      expect(JSON.stringify(response.body)).not.toMatch(/password|argon2/i);
      expect(await meStatus(t.http, user.accessToken)).toBe(401);
      expect(await meStatus(t.http, other.accessToken)).toBe(401);
      expect(await refreshStatus(t.http, other.refreshToken)).toBe(401);
      expectProblem(await tryLogin(t.http, user.email, user.password), 401);
      expect((await tryLogin(t.http, user.email, password)).status).toBe(200);
    });

    const sessionEnding: Array<[string, { active?: boolean; role?: string; teamB?: boolean }]> = [
      ['should end the sessions at once when an admin deactivates the user', { active: false }],
      ['should end the sessions at once when an admin changes the role', { role: 'supervisor' }],
      ['should end the sessions at once when an admin moves the user to another team', { teamB: true }],
    ];
    it.each(sessionEnding)('%s', async (_title, change) => {
      const user = await newUser();
      expect((await patchUser(user.id, change.teamB ? { teamId: teamB.id } : change)).status).toBe(200);
      expectProblem(await t.http.get(AUTH.me, { token: user.accessToken }), 401);
      expect(await refreshStatus(t.http, user.refreshToken)).toBe(401);
      // Ended, not merely suspended: reactivating does not revive the old session.
      if (change.active === false) expect((await patchUser(user.id, { active: true })).status).toBe(200);
      expect(await meStatus(t.http, user.accessToken)).toBe(401);
      const fresh = await h.loginPair(t.http, user.email, user.password);
      const me = await t.http.get(AUTH.me, { token: fresh.accessToken });
      const expected = [change.role ?? 'accompanier', change.teamB ? teamB.id : teamA.id];
      expect([me.body.role, me.body.teamId]).toEqual(expected);
    });

    it('should keep the sessions when an admin only renames the user', async () => {
      const user = await newUser();
      expect((await patchUser(user.id, { fullName: 'Renamed Person' })).status).toBe(200);
      const me = await t.http.get(AUTH.me, { token: user.accessToken });
      expect([me.status, me.body.fullName]).toEqual([200, 'Renamed Person']);
    });
  });

  describe('audit', () => {
    it('should audit login, failed login, password change and reset, naming fields but never values', async () => {
      const db = t.app.get(DataSource);
      const user = await newUser();
      const id = h.requestId;
      const [ok, bad, unknown, change, reset] = [id(), id(), id(), id(), id()];
      const wrong = `wrong-${user.password}`;
      const changed = `new-${user.password}`;
      const resetTo = `r-${user.password}`;
      passwordsUsed.push(wrong, changed, resetTo);
      await tryLogin(t.http, user.email, user.password, h.idHeader(ok));
      await tryLogin(t.http, user.email, wrong, h.idHeader(bad));
      await tryLogin(t.http, h.unknownEmail(), wrong, h.idHeader(unknown));
      const body = { currentPassword: user.password, newPassword: changed };
      expect((await changePassword(user.accessToken, body, h.idHeader(change))).status).toBe(204);
      expect((await patchUser(user.id, { password: resetTo }, h.idHeader(reset))).status).toBe(200);

      const events = (requestId: string) => h.auditByRequest(db, requestId);
      const own = { actor_id: user.id, entity_id: user.id, changed_fields: [] };
      const admin = h.decodeJwt(adminToken).sub as string;
      expect(await events(ok)).toEqual([{ ...own, action: 'auth.login' }]);
      expect(await events(bad)).toEqual([{ ...own, action: 'auth.login_failed' }]);
      const anonymous = { actor_id: null, entity_id: null, changed_fields: [] };
      expect(await events(unknown)).toEqual([{ ...anonymous, action: 'auth.login_failed' }]);
      const password = ['password'];
      expect(await events(change)).toEqual([
        { ...own, action: 'auth.password_changed', changed_fields: password },
      ]);
      expect(await events(reset)).toEqual([
        { ...own, actor_id: admin, action: 'user.password_reset', changed_fields: password },
      ]);
      // No audit line of the whole run holds a password used in this file, nor a hash; only names.
      expect(await h.auditLeaks(db, passwordsUsed)).toEqual([]);
      const names = await h.changedFieldNames(db);
      // Names, or paths of names (a family's `consent.<purpose>`, when its suite ran first in this database).
      expect(names.filter((name) => !/^[a-z][A-Za-z]*(\.[a-z][A-Za-z]*)*$/.test(name))).toEqual([]);
    });
  });

  describe('several API instances in one process', () => {
    // Last on purpose: when this fails, the app of this file no longer authenticates anyone.
    it('should keep accepting its own access tokens while and after another instance runs', async () => {
      const user = await newUser();
      const other = await startTestApp({ JWT_ACCESS_SECRET: 'a-second-instance-access-secret-0123456789' });
      let whileOpen = 0;
      try {
        whileOpen = await meStatus(t.http, user.accessToken);
      } finally {
        await other.close();
      }
      const afterClose = await meStatus(t.http, user.accessToken);
      expect({ whileOpen, afterClose }).toEqual({ whileOpen: 200, afterClose: 200 });
    });
  });
});
