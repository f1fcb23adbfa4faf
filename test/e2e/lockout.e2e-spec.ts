import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { PasswordHasher } from '@accompany/auth';
import {
  AUTH,
  auditByRequest,
  auditCount,
  expectProblem,
  requestId,
  retryAfterOf,
  sleep,
  tryLogin,
  unknownEmail,
  waitForFreshMinuteWindow,
  type TokenPair,
} from '../factories/auth.helpers';
import {
  ADMIN,
  createTeam,
  createUser,
  login,
  uniqueSuffix,
  type TestUser,
} from '../factories/world.factory';
import type { HttpClient, HttpResponse } from '../setup/http-client';
import { startTestApp, type TestApp } from '../setup/test-app';

const LOCK_SECONDS = 900;

/** `count` logins in a row, one after the other; returns the statuses. */
async function attempts(http: HttpClient, email: string, password: string, count: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i += 1) statuses.push((await tryLogin(http, email, password)).status);
  return statuses;
}

function expectLocked(response: HttpResponse, maxSeconds = LOCK_SECONDS): void {
  expect(expectProblem(response, 429).code).toBe('ACCOUNT_LOCKED');
  const retryAfter = retryAfterOf(response);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(maxSeconds);
}

describe('login lockout (e2e)', () => {
  let t: TestApp;
  const users: TestUser[] = [];
  /**
   * Every user of this file is created up front through the main app: once a second app of
   * the same process closes, the main app's authenticated routes answer 401 (see the bug
   * report in auth.e2e-spec.ts), while login itself keeps working.
   */
  const freshUser = (): TestUser => {
    const user = users.pop();
    if (!user) throw new Error('user pool exhausted: raise USERS_NEEDED');
    return user;
  };
  const USERS_NEEDED = 10;

  beforeAll(async () => {
    t = await startTestApp();
    const adminToken = (await login(t.http, ADMIN.email, ADMIN.password)).accessToken;
    const teamId = (await createTeam(t.http, adminToken, `Lockout ${uniqueSuffix()}`)).id;
    users.push(
      ...(await Promise.all(
        Array.from({ length: USERS_NEEDED }, () =>
          createUser(t.http, adminToken, 'accompanier', teamId, 'lock'),
        ),
      )),
    );
  });
  afterAll(() => t.close());

  describe('while Redis is down', () => {
    // First in the file: ioredis keeps a connect timer (<= 2 s) alive after the app closes.
    it('should fail open: logins, sessions and refresh go on, and the account lockout still holds', async () => {
      const down = await startTestApp({
        REDIS_URL: 'redis://127.0.0.1:1',
        RATE_LIMIT_PER_IP_PER_MINUTE: '1',
      });
      try {
        const user = freshUser();
        expect(await attempts(down.http, user.email, user.password, 4)).toEqual([200, 200, 200, 200]);
        const pair = (await tryLogin(down.http, user.email, user.password)).body as TokenPair;
        expect((await down.http.get(AUTH.me, { token: pair.accessToken })).status).toBe(200);
        expect((await down.http.post(AUTH.refresh, { refreshToken: pair.refreshToken })).status).toBe(200);
        const other = freshUser();
        expect(await attempts(down.http, other.email, 'a-wrong-password-1', 5)).toEqual([
          401, 401, 401, 401, 401,
        ]);
        expectLocked(await tryLogin(down.http, other.email, other.password));
      } finally {
        await down.close();
      }
    });
  });

  describe('per account', () => {
    it('should answer 401 to failures 1-5 and 429 with Retry-After from the 6th attempt, even with the right password', async () => {
      const user = freshUser();
      expect(await attempts(t.http, user.email, 'a-wrong-password-1', 5)).toEqual([401, 401, 401, 401, 401]);
      const id = requestId();
      const sixth = await tryLogin(t.http, user.email, user.password, { 'x-request-id': id });
      expectLocked(sixth);
      expect(retryAfterOf(sixth)).toBe(LOCK_SECONDS);
      expectLocked(await tryLogin(t.http, user.email, 'a-wrong-password-1'));
      expectLocked(await tryLogin(t.http, user.email, user.password));
      const db = t.app.get(DataSource);
      expect((await auditByRequest(db, id)).map((e) => [e.action, e.entity_id])).toEqual([
        ['auth.locked', user.id],
      ]);
      expect(await auditCount(db, 'auth.locked', user.id)).toBe(1);
      // The lock is per account: another user still signs in.
      const other = freshUser();
      expect((await tryLogin(t.http, other.email, other.password)).status).toBe(200);
    });

    it('should lock an unknown e-mail alike, and stop hashing once locked', async () => {
      const email = unknownEmail();
      expect(await attempts(t.http, email, 'a-wrong-password-1', 5)).toEqual([401, 401, 401, 401, 401]);
      const hasher = t.app.get(PasswordHasher);
      const before = hasher.dummyVerifications;
      const id = requestId();
      const sixth = await tryLogin(t.http, email, 'a-wrong-password-1', { 'x-request-id': id });
      expectLocked(sixth);
      expect(hasher.dummyVerifications).toBe(before);
      const events = await auditByRequest(t.app.get(DataSource), id);
      expect(events.map((e) => [e.action, e.entity_id])).toEqual([['auth.locked', null]]);
    });

    it('should count the attempts of one e-mail whatever its letter case', async () => {
      const user = freshUser();
      const variants = [user.email, user.email.toUpperCase()];
      const statuses: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        statuses.push((await tryLogin(t.http, variants[i % 2]!, 'a-wrong-password-1')).status);
      }
      expect(statuses).toEqual([401, 401, 401, 401, 401]);
      expectLocked(await tryLogin(t.http, user.email.toUpperCase(), user.password));
    });

    it('should reset the count after a successful login', async () => {
      const user = freshUser();
      expect(await attempts(t.http, user.email, 'a-wrong-password-1', 4)).toEqual([401, 401, 401, 401]);
      expect((await tryLogin(t.http, user.email, user.password)).status).toBe(200);
      expect(await attempts(t.http, user.email, 'a-wrong-password-1', 5)).toEqual([401, 401, 401, 401, 401]);
      expectLocked(await tryLogin(t.http, user.email, user.password));
    });

    it('should not let concurrent wrong guesses slip past the limit', async () => {
      const user = freshUser();
      const responses = await Promise.all(
        Array.from({ length: 10 }, () => tryLogin(t.http, user.email, 'a-wrong-password-1')),
      );
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429]);
      expectLocked(await tryLogin(t.http, user.email, user.password));
    });

    it('should honour LOGIN_MAX_FAILURES and LOGIN_LOCK_SECONDS and let the user in once the lock ends', async () => {
      const short = await startTestApp({ LOGIN_MAX_FAILURES: '2', LOGIN_LOCK_SECONDS: '1' });
      try {
        const user = freshUser();
        expect(await attempts(short.http, user.email, 'a-wrong-password-1', 2)).toEqual([401, 401]);
        const locked = await tryLogin(short.http, user.email, user.password);
        expectLocked(locked, 1);
        await sleep(1200);
        expect((await tryLogin(short.http, user.email, 'a-wrong-password-1')).status).toBe(401);
        expect((await tryLogin(short.http, user.email, user.password)).status).toBe(200);
      } finally {
        await short.close();
      }
    });
  });

  describe('per address', () => {
    // A prefix of its own, so logins of the other tests do not count in this window.
    const prefix = `accompany-test-ip-${uniqueSuffix()}`;
    let limited: TestApp;

    beforeAll(async () => {
      limited = await startTestApp({ RATE_LIMIT_PER_IP_PER_MINUTE: '3', REDIS_PREFIX: prefix });
    });
    afterAll(async () => {
      const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
      await limited.close();
    });

    it('should answer the 4th login from one address within the minute with 429 and Retry-After, before hashing', async () => {
      const user = freshUser();
      const other = freshUser();
      await waitForFreshMinuteWindow();
      expect(await attempts(limited.http, user.email, user.password, 3)).toEqual([200, 200, 200]);
      const fourth = await tryLogin(limited.http, user.email, user.password);
      expect(expectProblem(fourth, 429).code).toBe('RATE_LIMITED');
      const retryAfter = retryAfterOf(fourth);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      // The limit is the address's: another account, an unknown e-mail and refresh are refused too,
      // and before any hashing.
      const hasher = limited.app.get(PasswordHasher);
      const before = hasher.dummyVerifications;
      expect((await tryLogin(limited.http, other.email, other.password)).status).toBe(429);
      expect((await tryLogin(limited.http, unknownEmail(), 'a-wrong-password-1')).status).toBe(429);
      expect((await limited.http.post(AUTH.refresh, { refreshToken: other.refreshToken })).status).toBe(429);
      // Logout is public too: an address flooding it is held back like login and refresh.
      expect((await limited.http.post(AUTH.logout, { refreshToken: other.refreshToken })).status).toBe(429);
      expect(hasher.dummyVerifications).toBe(before);
    });
  });
});
