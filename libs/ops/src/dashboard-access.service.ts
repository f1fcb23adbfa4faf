// Brings in the cookie typings on FastifyRequest and FastifyReply.
import type {} from '@fastify/cookie';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { FastifyRequest } from 'fastify';
import { hasPermission, Permission, SessionsService, type AuthUser } from '@accompany/auth';
import { AppConfig } from '@accompany/config';

export const DASHBOARD_PATH = '/admin/queues';
export const DASHBOARD_COOKIE = 'accompany_queue_dashboard';
export const DASHBOARD_TTL_SECONDS = 10 * 60;
const AUDIENCE = 'accompany-queue-dashboard';

/**
 * A browser cannot send a bearer token to a dashboard page, so an admin exchanges theirs for
 * a short-lived, HTTP-only cookie holding a signed token scoped to the dashboard. Every
 * dashboard request checks the token, that its session is still live and that the user is
 * still allowed: logging out or losing the role closes the dashboard at once.
 */
@Injectable()
export class DashboardAccess {
  private readonly key: string;

  constructor(
    private readonly jwt: JwtService,
    private readonly sessions: SessionsService,
    config: AppConfig,
  ) {
    this.key = config.jwt.accessSecret;
  }

  issue(user: AuthUser): Promise<string> {
    return this.jwt.signAsync(
      { sub: user.id, sid: user.sessionId },
      { secret: this.key, audience: AUDIENCE, expiresIn: DASHBOARD_TTL_SECONDS, algorithm: 'HS256' },
    );
  }

  async allows(request: FastifyRequest): Promise<boolean> {
    const token = (request.cookies as Record<string, string | undefined> | undefined)?.[DASHBOARD_COOKIE];
    if (!token) return false;
    try {
      const claims = await this.jwt.verifyAsync<{ sub: string; sid: string }>(token, {
        secret: this.key,
        audience: AUDIENCE,
        algorithms: ['HS256'],
      });
      const user = await this.sessions.findLiveSessionUser(claims.sid, claims.sub);
      return user !== null && hasPermission(user.role, Permission.QueueDashboard);
    } catch {
      return false;
    }
  }
}
