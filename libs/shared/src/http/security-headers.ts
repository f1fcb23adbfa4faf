/**
 * The security headers every response carries, built once per kind of route instead of
 * per request (helmet's Fastify plugin rebuilt its whole configuration on every call).
 * Values are the ones helmet 8 produced for this API, so nothing a client sees changed.
 *
 * One kind today: `api`, the JSON routes (and the Swagger UI served beside them, whose
 * inline styles and scripts the policy allows). A web UI with a strict, nonce-free
 * Content-Security-Policy gets its own kind here.
 */
export type SecurityHeaderKind = 'api';

const API_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "base-uri 'self'",
  "font-src 'self' https: data:",
  "form-action 'self'",
  "frame-ancestors 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  // Swagger UI (at /api/docs) needs inline scripts and styles of its own.
  "script-src 'self' 'unsafe-inline'",
  "script-src-attr 'none'",
  "style-src 'self' 'unsafe-inline'",
  'upgrade-insecure-requests',
].join(';');

export const SECURITY_HEADERS: Readonly<Record<SecurityHeaderKind, Readonly<Record<string, string>>>> =
  Object.freeze({
    api: Object.freeze({
      'content-security-policy': API_CONTENT_SECURITY_POLICY,
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'origin-agent-cluster': '?1',
      'referrer-policy': 'no-referrer',
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
      'x-content-type-options': 'nosniff',
      'x-dns-prefetch-control': 'off',
      'x-download-options': 'noopen',
      'x-frame-options': 'SAMEORIGIN',
      'x-permitted-cross-domain-policies': 'none',
      'x-xss-protection': '0',
    }),
  });
