import { createHmac, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { HttpClient, HttpResponse } from '../setup/http-client';
import { uniqueSuffix } from './world.factory';

export const AUTH = {
  login: '/api/v1/auth/login',
  refresh: '/api/v1/auth/refresh',
  logout: '/api/v1/auth/logout',
  me: '/api/v1/auth/me',
  password: '/api/v1/auth/password',
} as const;

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export interface AuditRow {
  action: string;
  actor_id: string | null;
  entity_id: string | null;
  changed_fields: string[];
}

/** A fresh request id, sent as X-Request-Id so the audit event of that request can be found. */
export function requestId(): string {
  return `e2e-${randomUUID()}`;
}

export function idHeader(id: string): Record<string, string> {
  return { 'x-request-id': id };
}

export function unknownEmail(): string {
  return `nobody-${uniqueSuffix()}${uniqueSuffix()}@e2e.test`;
}

export function tryLogin(
  http: HttpClient,
  email: string,
  password: unknown,
  headers: Record<string, string> = {},
): Promise<HttpResponse> {
  return http.post(AUTH.login, { email, password }, { headers });
}

export async function loginPair(http: HttpClient, email: string, password: string): Promise<TokenPair> {
  const response = await tryLogin(http, email, password);
  if (response.status !== 200) throw new Error(`login failed: ${response.status} ${response.text}`);
  return response.body as TokenPair;
}

/** Exchanges a refresh token for a new pair; fails the test when the API refuses. */
export async function rotate(http: HttpClient, refreshToken: string): Promise<TokenPair> {
  const response = await http.post(AUTH.refresh, { refreshToken });
  if (response.status !== 200) throw new Error(`refresh failed: ${response.status} ${response.text}`);
  return response.body as TokenPair;
}

/** The status /auth/me answers for this access token (200 while its session lives). */
export async function meStatus(http: HttpClient, accessToken: string): Promise<number> {
  return (await http.get(AUTH.me, { token: accessToken })).status;
}

export async function refreshStatus(http: HttpClient, refreshToken: string): Promise<number> {
  return (await http.post(AUTH.refresh, { refreshToken })).status;
}

/** One definition of the RFC 9457 checks for every suite. */
export { expectProblem } from './admin.helpers';

export function fieldsOf(body: Record<string, any>): string[] {
  return ((body.errors ?? []) as Array<{ field: string }>).map((error) => error.field);
}

/** Retry-After as an integer number of seconds; fails the test when absent or not an integer. */
export function retryAfterOf(response: HttpResponse): number {
  const header = response.headers.get('retry-after');
  expect(header).toMatch(/^\d+$/);
  return Number(header);
}

/** A problem body without the fields that differ per request (requestId, instance). */
export function withoutRequestFields(body: Record<string, any>): Record<string, any> {
  return Object.fromEntries(
    Object.entries(body).filter(([key]) => key !== 'requestId' && key !== 'instance'),
  );
}

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** Builds an HS256 JWT by hand, so tests can forge tokens the server must refuse. */
export function signJwt(
  claims: Record<string, unknown>,
  secret: string,
  header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' },
): string {
  const unsigned = `${base64url(header)}.${base64url(claims)}`;
  const signature = createHmac('sha256', secret).update(unsigned).digest('base64url');
  return `${unsigned}.${signature}`;
}

export function decodeJwt(token: string): Record<string, any> {
  const payload = token.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, any>;
}

export async function auditByRequest(dataSource: DataSource, id: string): Promise<AuditRow[]> {
  return dataSource.query(
    `SELECT action, actor_id, entity_id, changed_fields
       FROM audit_events WHERE request_id = $1 ORDER BY sequence`,
    [id],
  );
}

export async function auditCount(dataSource: DataSource, action: string, entityId: string): Promise<number> {
  const rows: Array<{ n: number }> = await dataSource.query(
    'SELECT count(*)::int AS n FROM audit_events WHERE action = $1 AND entity_id = $2',
    [action, entityId],
  );
  return rows[0]?.n ?? 0;
}

/** Audit lines (whole rows, as JSON) holding any of the secrets, or an argon2 hash. */
export async function auditLeaks(dataSource: DataSource, secrets: string[]): Promise<string[]> {
  const rows: Array<{ line: string }> = await dataSource.query(
    'SELECT row_to_json(a)::text AS line FROM audit_events a',
  );
  if (rows.length === 0) throw new Error('no audit events at all: nothing was checked');
  return rows
    .map(({ line }) => line)
    .filter((line) => /argon2/.test(line) || secrets.some((secret) => line.includes(secret)));
}

export async function changedFieldNames(dataSource: DataSource): Promise<string[]> {
  const rows: Array<{ f: string }> = await dataSource.query(
    'SELECT DISTINCT unnest(changed_fields) AS f FROM audit_events ORDER BY 1',
  );
  return rows.map(({ f }) => f);
}

/**
 * Access tokens the API must refuse, each labelled; `claims` are those of a live session,
 * so only the defect named by the label is wrong (a missing token is `undefined`).
 */
export function refusedAccessTokens(
  claims: Record<string, unknown>,
  secret: string,
): Array<[string, string | undefined]> {
  const now = Math.floor(Date.now() / 1000);
  const unsigned = signJwt(claims, secret, { alg: 'none', typ: 'JWT' }).split('.').slice(0, 2);
  return [
    ['missing', undefined],
    ['garbage', 'garbage'],
    ['three garbage parts', 'a.b.c'],
    ['wrong secret', signJwt(claims, 'a-wrong-secret-of-at-least-thirty-two-chars')],
    ['wrong audience', signJwt({ ...claims, aud: 'someone-else' }, secret)],
    ['wrong issuer', signJwt({ ...claims, iss: 'someone-else' }, secret)],
    ['expired', signJwt({ ...claims, iat: now - 1200, exp: now - 600 }, secret)],
    ['unknown session', signJwt({ ...claims, sid: '00000000-0000-4000-8000-000000000000' }, secret)],
    ['alg none', `${unsigned.join('.')}.`],
  ];
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The per-IP limit counts per fixed wall-clock minute: when fewer than `marginSeconds`
 * remain in the current one, waits for the next, so a short burst stays in one window.
 */
export async function waitForFreshMinuteWindow(marginSeconds = 5): Promise<void> {
  const secondsIntoMinute = (Date.now() / 1000) % 60;
  if (60 - secondsIntoMinute < marginSeconds) await sleep((60 - secondsIntoMinute) * 1000 + 250);
}
