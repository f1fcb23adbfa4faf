/**
 * Fields never written to a log, at the top level and nested one or two levels down:
 * credentials, tokens, clinical notes and anything naming a person. Logs carry ids.
 */
export const SENSITIVE_KEYS: readonly string[] = [
  'authorization',
  'cookie',
  'password',
  'currentPassword',
  'newPassword',
  'passwordHash',
  'accessToken',
  'refreshToken',
  'token',
  'secret',
  'notes',
  'note',
  'summary',
  'fullName',
  'otherNames',
  'email',
  'phone',
  'address',
  'circumstances',
];

export const REDACT_PATHS: string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["idempotency-key"]',
  'res.headers["set-cookie"]',
  ...SENSITIVE_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
];

/** The request as logged: no query string (it may hold names searched for), no headers. */
export function serializeRequest(req: {
  id?: unknown;
  method?: string;
  url?: string;
}): Record<string, unknown> {
  return { id: req.id, method: req.method, path: (req.url ?? '').split('?')[0] };
}
