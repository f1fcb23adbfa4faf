import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import passport from 'passport';
import { ForbiddenError, UnauthorizedError } from '@accompany/shared';
import type { AuthUser } from './auth-user';
import { IS_PUBLIC, REQUIRED_PERMISSIONS } from './decorators';
import { JwtStrategy } from './jwt.strategy';
import type { Permission } from './permission.enum';
import { hasAnyPermission } from './role-permissions';

type RequestWithUser = FastifyRequest & { user?: AuthUser };

/**
 * The global guard. Denies by default: a route is reachable only if it is marked
 * `@Public()`, or the caller has a live session and a role granting one of the
 * permissions named by `@Authenticated()`. A route with neither is refused to everyone
 * (and the route-scan test fails the build).
 *
 * The bearer token is checked by this application's own JwtStrategy instance, passed to
 * passport directly rather than looked up by name in passport's process-wide registry,
 * so two applications in one process (tests) never use each other's secret or database.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly strategy: JwtStrategy,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const permissions = this.reflector.getAllAndOverride<Permission[] | undefined>(
      REQUIRED_PERMISSIONS,
      targets,
    );
    if (!permissions || permissions.length === 0) {
      throw new ForbiddenError('ROUTE_NOT_DECLARED', 'This route declares no access rule.');
    }
    const http = context.switchToHttp();
    const request = http.getRequest<RequestWithUser>();
    const user = await this.authenticate(request, http.getResponse<FastifyReply>());
    request.user = user;
    if (!hasAnyPermission(user.role, permissions)) throw new ForbiddenError();
    return true;
  }

  private authenticate(request: FastifyRequest, reply: FastifyReply): Promise<AuthUser> {
    return new Promise((resolve, reject) => {
      const done = (error: unknown, user: AuthUser | false): void => {
        if (error || !user) {
          reject(
            new UnauthorizedError(
              'INVALID_TOKEN',
              'The access token is missing, invalid or its session ended.',
            ),
          );
        } else {
          resolve(user);
        }
      };
      // A fresh object per request: passport attaches the request's success/fail callbacks
      // to the strategy object it is given, so the shared instance must only be a prototype.
      const perRequest = Object.create(this.strategy) as JwtStrategy;
      const middleware = passport.authenticate(perRequest, { session: false }, done) as (
        req: unknown,
        res: unknown,
        next: (error?: unknown) => void,
      ) => void;
      middleware(request, reply, (error) => reject(error instanceof Error ? error : new UnauthorizedError()));
    });
  }
}
