import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];
export type Problem = Schemas['ProblemDto'];

/**
 * The only way the UI talks to the API: typed from the committed openapi.json, so a
 * contract change that breaks a screen breaks the build. The access token lives in this
 * module's memory only; the refresh token is an HTTP-only cookie the script never sees.
 */
let accessToken: string | null = null;
let refreshing: Promise<boolean> | null = null;
const listeners = new Set<(signedIn: boolean) => void>();

export function onSessionChange(listener: (signedIn: boolean) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function setAccessToken(token: string | null): void {
  accessToken = token;
  for (const listener of listeners) listener(token !== null);
}

/** Trades the refresh cookie for a new access token; one at a time, whoever asks. */
export function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    try {
      const response = await fetch('/api/v1/auth/refresh', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-refresh-cookie': '1' },
        body: '{}',
        credentials: 'same-origin',
      });
      if (!response.ok) {
        setAccessToken(null);
        return false;
      }
      const body = (await response.json()) as Schemas['TokenPairDto'];
      setAccessToken(body.accessToken);
      return true;
    } catch {
      return false;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

const RETRY_DELAYS_MS = [500, 1500, 4000];

/**
 * fetch with the token, a quiet refresh on 401 TOKEN_EXPIRED, and, for requests that carry
 * an Idempotency-Key, retries of the very same request when the connection drops: the
 * server records it once whatever the number of attempts.
 */
async function apiFetch(input: Request): Promise<Response> {
  const attempt = async (): Promise<Response> => {
    const request = input.clone();
    if (accessToken) request.headers.set('authorization', `Bearer ${accessToken}`);
    return sendWithRetries(request);
  };
  const response = await attempt();
  if (
    response.status === 401 &&
    (await problemCode(response)) === 'TOKEN_EXPIRED' &&
    (await refreshSession())
  ) {
    return attempt();
  }
  if (response.status === 401) setAccessToken(null);
  return response;
}

export const networkEvents = new EventTarget();

async function sendWithRetries(request: Request): Promise<Response> {
  const retriable = request.headers.has('idempotency-key');
  for (let failures = 0; ; failures++) {
    try {
      return await fetch(request.clone());
    } catch (error) {
      const delay = RETRY_DELAYS_MS[failures];
      if (!retriable || delay === undefined) throw error;
      networkEvents.dispatchEvent(new Event('retrying'));
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

async function problemCode(response: Response): Promise<string | undefined> {
  try {
    const body = (await response.clone().json()) as { code?: string };
    return body.code;
  } catch {
    return undefined;
  }
}

export const api = createClient<paths>({ baseUrl: '', fetch: apiFetch });

export async function signIn(
  email: string,
  password: string,
): Promise<{ ok: true } | { ok: false; problem: Problem | null }> {
  try {
    const response = await fetch('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-refresh-cookie': '1' },
      body: JSON.stringify({ email, password }),
      credentials: 'same-origin',
    });
    if (!response.ok) return { ok: false, problem: (await response.json()) as Problem };
    const body = (await response.json()) as Schemas['TokenPairDto'];
    setAccessToken(body.accessToken);
    return { ok: true };
  } catch {
    return { ok: false, problem: null };
  }
}

export async function signOut(): Promise<void> {
  try {
    await fetch('/api/v1/auth/logout', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
      credentials: 'same-origin',
    });
  } finally {
    setAccessToken(null);
  }
}
