import { createSecretKey } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import passport, { Passport } from 'passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AppConfig } from '@accompany/config';
import { clientIp } from '@accompany/shared';
import { JWT_AUDIENCE, JWT_ISSUER, type AccessClaims } from '../sessions/token.service';
import { SessionsService } from '../sessions/sessions.service';
import type { AuthUser } from './auth-user';

/**
 * Bearer access tokens: a valid signature is not enough, the session it names must still
 * be live in PostgreSQL (one indexed read), so ending a session takes effect at once.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: AppConfig,
    private readonly sessions: SessionsService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject: jsonwebtoken then skips trying the secret as a public key on every
      // verify. passport-jwt hands it to jsonwebtoken untouched; its typings only know strings.
      secretOrKey: createSecretKey(Buffer.from(config.jwt.accessSecret)) as unknown as string,
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      algorithms: ['HS256'],
      ignoreExpiration: false,
      passReqToCallback: true,
    });
  }

  /** Keeps the strategy out of passport's process-wide registry (see AccessGuard). */
  getPassportInstance(): passport.PassportStatic {
    return new Passport() as passport.PassportStatic;
  }

  async validate(request: FastifyRequest, claims: AccessClaims): Promise<AuthUser | false> {
    if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string') return false;
    const live = await this.sessions.findLiveSessionUser(claims.sid, claims.sub);
    if (!live) return false;
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
}
