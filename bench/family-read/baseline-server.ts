/**
 * The baseline of bench/family-read: `GET /api/v1/families/:id` written by hand with
 * node:http and pg, doing the work the API does per request and nothing else:
 *
 *  1. verify the bearer JWT (jsonwebtoken, same secret, issuer, audience and algorithm);
 *  2. the session + user query of SessionsRepository.findLiveSessionUser (same SQL text);
 *  3. FAMILY_DETAIL_SELECT from the built '@accompany/families' with the supervisor's (or
 *     accompanier's) visibility predicate, bound in the order TypeORM binds it;
 *  4. the audit_events insert, AUDIT_INSERT_SQL read from the same build the API runs;
 *  5. the body of the API's own toFamilyDto (from the same build), the same security
 *     headers (SECURITY_HEADERS.api of the same build), x-request-id and the ETag,
 *     serialized with JSON.stringify.
 *
 * No framework, no logging. Run by run.ts as a child process; env: PORT, DATABASE_URL,
 * JWT_ACCESS_SECRET, FAMILIES_MODULE (absolute path of dist's families index), POOL_MAX.
 */
import { createSecretKey, randomUUID, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { verify, type JwtPayload } from 'jsonwebtoken';
import { Pool } from 'pg';
import type * as Audit from '@accompany/audit';
import type * as Families from '@accompany/families';
import type * as Shared from '@accompany/shared';

const port = Number(process.env.PORT ?? 3311);
const databaseUrl = process.env.DATABASE_URL ?? '';
const rawSecret = process.env.JWT_ACCESS_SECRET ?? '';
const familiesModule = process.env.FAMILIES_MODULE ?? '';
if (!databaseUrl || rawSecret.length < 32 || !familiesModule) {
  process.stderr.write('baseline: DATABASE_URL, JWT_ACCESS_SECRET and FAMILIES_MODULE are required\n');
  process.exit(2);
}
// `keyobject` (default) verifies with a prepared KeyObject as the API's JwtStrategy does;
// `string` makes jsonwebtoken try (and fail) createPublicKey() on every call, for comparison.
const secret: string | KeyObject =
  process.env.BASELINE_JWT_KEY === 'string' ? rawSecret : createSecretKey(Buffer.from(rawSecret));

// The same SQL and the same mapper the API runs, read from the same build.
const { FAMILY_DETAIL_SELECT, toFamilyDto } = createRequire(__filename)(familiesModule) as typeof Families;
type DetailRow = Parameters<typeof toFamilyDto>[0];

// libs/auth/src/sessions/sessions.repository.ts, findLiveSessionUser (byte for byte).
const SESSION_SQL = `SELECT u.id AS "userId", u.email, u.full_name AS "fullName", u.role, u.team_id AS "teamId"
         FROM auth_sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active`;

// AuditService.record's statement, from the same build (libs/audit beside libs/families).
const { AUDIT_INSERT_SQL: AUDIT_SQL } = createRequire(__filename)(
  familiesModule.replace(/([\\/])families([\\/])/, '$1audit$2'),
) as typeof Audit;

// FamilyVisibility's team rule, with the parameter order TypeORM produces (:id first).
const DETAIL_SQL_SUPERVISOR = `${FAMILY_DETAIL_SELECT} WHERE f.id = $1 AND (f.team_id = $2)`;
const DETAIL_SQL_ACCOMPANIER = `${FAMILY_DETAIL_SELECT} WHERE f.id = $1 AND ((f.team_id = $2 AND f.assigned_accompanier_id = $3))`;
const FAMILY_READ_ROLES = new Set(['supervisor', 'accompanier', 'psychologist']);

// The security headers the API sends on its JSON routes, from the same build
// (libs/shared beside libs/families); run.ts checks that both sides send the same headers.
const { SECURITY_HEADERS: ALL_SECURITY_HEADERS } = createRequire(__filename)(
  familiesModule.replace(/([\\/])families([\\/])/, '$1shared$2'),
) as typeof Shared;
const SECURITY_HEADERS = ALL_SECURITY_HEADERS.api;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const ROUTE = /^\/api\/v1\/families\/([^/?]+)$/;

interface SessionUser {
  userId: string;
  role: string;
  teamId: string | null;
}

const pool = new Pool({
  connectionString: databaseUrl,
  max: Number(process.env.POOL_MAX ?? 20),
  connectionTimeoutMillis: 5000,
});

function send(res: ServerResponse, status: number, requestId: string, body: object, etag?: string): void {
  const text = JSON.stringify(body);
  const headers: Record<string, string | number> = {
    ...SECURITY_HEADERS,
    'x-request-id': requestId,
    'content-type':
      status < 400 ? 'application/json; charset=utf-8' : 'application/problem+json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  };
  if (etag) headers.etag = etag;
  res.writeHead(status, headers);
  res.end(text);
}

function problem(res: ServerResponse, status: number, requestId: string, code: string): void {
  send(res, status, requestId, { type: 'about:blank', status, code, requestId });
}

function claimsOf(req: IncomingMessage): { sub: string; sid: string } | null {
  const header = req.headers.authorization;
  if (!header?.startsWith('Bearer ')) return null;
  try {
    const claims = verify(header.slice(7), secret, {
      algorithms: ['HS256'],
      issuer: 'accompany',
      audience: 'accompany-api',
    }) as JwtPayload;
    return typeof claims.sub === 'string' && typeof claims.sid === 'string'
      ? { sub: claims.sub, sid: claims.sid }
      : null;
  } catch {
    return null;
  }
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const requestId = randomUUID();
  const url = req.url ?? '';
  if (url === '/health/live') return send(res, 200, requestId, { status: 'ok' });
  const match = req.method === 'GET' ? ROUTE.exec(url) : null;
  if (!match?.[1]) return problem(res, 404, requestId, 'NOT_FOUND');
  const claims = claimsOf(req);
  if (!claims) return problem(res, 401, requestId, 'INVALID_TOKEN');
  const session = await pool.query<SessionUser>(SESSION_SQL, [claims.sid, claims.sub]);
  const user = session.rows[0];
  if (!user) return problem(res, 401, requestId, 'INVALID_TOKEN');
  if (!FAMILY_READ_ROLES.has(user.role)) return problem(res, 403, requestId, 'FORBIDDEN');
  const id = match[1];
  if (!UUID.test(id)) return problem(res, 400, requestId, 'VALIDATION_FAILED');

  let rows: DetailRow[] = [];
  if (user.teamId && user.role === 'supervisor') {
    rows = (await pool.query<DetailRow>(DETAIL_SQL_SUPERVISOR, [id, user.teamId])).rows;
  } else if (user.teamId && user.role === 'accompanier') {
    rows = (await pool.query<DetailRow>(DETAIL_SQL_ACCOMPANIER, [id, user.teamId, user.userId])).rows;
  }
  const row = rows[0];
  if (!row) return problem(res, 404, requestId, 'FAMILY_NOT_FOUND');
  const body = toFamilyDto(row);
  await pool.query(AUDIT_SQL, [
    user.userId,
    user.role,
    row.teamId,
    'family.read',
    'family',
    id,
    id,
    requestId,
    req.socket.remoteAddress ?? 'unknown',
    [],
  ]);
  send(res, 200, requestId, body, `"${row.version}"`);
}

const server = createServer((req, res) => {
  handle(req, res).catch((error: unknown) => {
    process.stderr.write(`baseline: ${String(error)}\n`);
    if (!res.headersSent) problem(res, 500, 'error', 'INTERNAL');
  });
});

// Fastify keeps idle connections 72 s; node:http's 5 s default would differ for nothing.
server.keepAliveTimeout = 72_000;
server.listen(port, '0.0.0.0', () => process.stdout.write(`baseline listening on ${port}\n`));

const stop = (): void => {
  server.close();
  void pool.end().finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
