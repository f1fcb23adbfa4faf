import { createSecretKey, type KeyObject } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import type { FastifyRequest } from 'fastify';
import { AppConfig } from '@accompany/config';
import { clientIp, UnauthorizedError } from '@accompany/shared';
import { JWT_AUDIENCE, JWT_ISSUER, type AccessClaims } from '../sessions/token.service';
import { SessionsService } from '../sessions/sessions.service';
import type { AuthUser } from './auth-user';

/** RFC 6750: the scheme is case-insensitive; the token is checked by jsonwebtoken. */
const BEARER = /^Bearer +(\S+) *$/i;

/** RFC 6750 §3: no error code when no token was sent at all, `invalid_token` otherwise. */
const NO_TOKEN = (): UnauthorizedError =>
  new UnauthorizedError('INVALID_TOKEN', 'The access token is missing, invalid or its session ended.', {
    wwwAuthenticate: 'Bearer',
  });
const INVALID_TOKEN = (): UnauthorizedError =>
  new UnauthorizedError('INVALID_TOKEN', 'The access token is missing, invalid or its session ended.', {
    wwwAuthenticate: 'Bearer error="invalid_token"',
  });
/** A distinct code, so a client knows to refresh rather than to sign in again. */
const TOKEN_EXPIRED = (): UnauthorizedError =>
  new UnauthorizedError('TOKEN_EXPIRED', 'The access token has expired; refresh it.', {
    wwwAuthenticate: 'Bearer error="invalid_token", error_description="The access token expired"',
  });

/**
 * Bearer access tokens: a valid signature is not enough, the session it names must still
 * be live in PostgreSQL (one indexed read), so ending a session takes effect at once.
 *
 * Verified with jsonwebtoken directly (HS256 only, issuer, audience, expiry) and a
 * KeyObject prepared once: jsonwebtoken would otherwise try the secret as a public key on
 * every call. Each application gets its own instance, so apps in one process (tests) never
 * check tokens with each other's secret or database.
 */
@Injectable()
export class AccessTokenVerifier {
  private readonly key: KeyObject;

  constructor(
    config: AppConfig,
    private readonly jwt: JwtService,
    private readonly sessions: SessionsService,
  ) {
    this.key = createSecretKey(Buffer.from(config.jwt.accessSecret));
  }

  /** The caller, or an UnauthorizedError saying why not (missing, invalid, expired, session ended). */
  async authenticate(request: FastifyRequest): Promise<AuthUser> {
    const claims = this.claimsOf(request.headers.authorization);
    const live = await this.sessions.findLiveSessionUser(claims.sid, claims.sub);
    if (!live) throw INVALID_TOKEN();
    return {
      id: live.userId,
      sessionId: claims.sid,
      email: live.email,
      fullName: live.fullName,
      role: live.role,
      teamId: live.teamId,
      requestId: String(request.id),
      ip: clientIp(request),
    };
  }

  private claimsOf(header: string | undefined): AccessClaims {
    if (!header) throw NO_TOKEN();
    const token = BEARER.exec(header)?.[1];
    if (!token) throw INVALID_TOKEN();
    let claims: unknown;
    try {
      // jsonwebtoken accepts a KeyObject; @nestjs/jwt's typings only know strings and Buffers.
      claims = this.jwt.verify(token, {
        secret: this.key as unknown as string,
        algorithms: ['HS256'],
        issuer: JWT_ISSUER,
        audience: JWT_AUDIENCE,
      });
    } catch (error) {
      throw error instanceof TokenExpiredError ? TOKEN_EXPIRED() : INVALID_TOKEN();
    }
    const { sub, sid } = (claims ?? {}) as Partial<Record<keyof AccessClaims, unknown>>;
    if (typeof sub !== 'string' || typeof sid !== 'string') throw INVALID_TOKEN();
    return { sub, sid };
  }
}
