/**
 * The security headers every response carries, built once per kind of route instead of
 * per request (helmet's Fastify plugin rebuilt its whole configuration on every call).
 * helmet itself still decides the values: its middleware runs once at start-up against a
 * recorder, so the headers follow helmet's defaults as the library updates them.
 *
 * Two kinds: `api`, the JSON routes (and the Swagger UI served beside them, whose inline
 * styles and scripts the policy allows), and `web`, the browser UI at `/`, whose policy
 * allows nothing inline and nothing from another origin.
 */
import helmet, { type HelmetOptions } from 'helmet';

export type SecurityHeaderKind = 'api' | 'web';

/** Runs helmet's middleware once and keeps the headers it sets. */
function headersOf(options: HelmetOptions): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: unknown) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader() {},
  };
  let failure: unknown;
  helmet(options)({} as never, recorder as never, (error?: unknown) => {
    failure = error;
  });
  // helmet refuses an invalid option through next(error), synchronously.
  if (failure) throw failure instanceof Error ? failure : new Error('invalid helmet options');
  return Object.freeze(headers);
}

const API_HEADERS = headersOf({
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      // Swagger UI (at /api/docs) needs inline scripts and styles of its own.
      styleSrc: ["'self'", "'unsafe-inline'"],
      scriptSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
    },
  },
});

/**
 * The UI is built files only (Vite emits no inline script or style): no 'unsafe-inline',
 * no nonce, no other origin; it talks to its own API (connect-src 'self').
 */
const WEB_HEADERS = headersOf({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      scriptSrcAttr: ["'none'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      manifestSrc: ["'self'"],
    },
  },
});

export const SECURITY_HEADERS: Readonly<Record<SecurityHeaderKind, Readonly<Record<string, string>>>> =
  Object.freeze({ api: API_HEADERS, web: WEB_HEADERS });
