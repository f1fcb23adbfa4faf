// Brings in the cookie typings on FastifyRequest and FastifyReply.
import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { API_PREFIX } from '@accompany/shared';

/**
 * The browser variant of the refresh token: an HTTP-only, Secure, SameSite=Strict cookie
 * scoped to the auth routes, so page scripts (and an injected one) never read it and no
 * other route ever receives it. A client asks for it explicitly with this header on login;
 * a refresh that came from the cookie keeps answering through the cookie.
 */
export const REFRESH_COOKIE = 'accompany_refresh';
export const REFRESH_COOKIE_HEADER = 'x-refresh-cookie';
export const REFRESH_COOKIE_PATH = `/${API_PREFIX}/auth`;

export function wantsRefreshCookie(request: FastifyRequest): boolean {
  return request.headers[REFRESH_COOKIE_HEADER] === '1';
}

export function refreshCookieOf(request: FastifyRequest): string | undefined {
  const value = request.cookies[REFRESH_COOKIE];
  return value === undefined || value === '' ? undefined : value;
}

export function setRefreshCookie(reply: FastifyReply, token: string, maxAgeSeconds: number): void {
  void reply.setCookie(REFRESH_COOKIE, token, {
    path: REFRESH_COOKIE_PATH,
    httpOnly: true,
    // Browsers accept Secure cookies from http://localhost, so development keeps the flag too.
    secure: true,
    sameSite: 'strict',
    maxAge: maxAgeSeconds,
  });
}

export function clearRefreshCookie(reply: FastifyReply): void {
  void reply.clearCookie(REFRESH_COOKIE, {
    path: REFRESH_COOKIE_PATH,
    httpOnly: true,
    secure: true,
    sameSite: 'strict',
  });
}
