import { type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { ForbiddenError, UnauthorizedError } from '@accompany/shared';
import type { AuthUser } from './auth-user';
import { IS_PUBLIC, REQUIRED_PERMISSIONS } from './decorators';
import type { Permission } from './permission.enum';
import { hasAnyPermission } from './role-permissions';

/**
 * The global guard. Denies by default: a route is reachable only if it is marked
 * `@Public()`, or the caller has a live session and a role granting one of the
 * permissions named by `@Authenticated()`. A route with neither is refused to everyone
 * (and the route-scan test fails the build).
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const permissions = this.reflector.getAllAndOverride<Permission[] | undefined>(
      REQUIRED_PERMISSIONS,
      targets,
    );
    if (!permissions || permissions.length === 0) {
      throw new ForbiddenError('ROUTE_NOT_DECLARED', 'This route declares no access rule.');
    }
    await super.canActivate(context);
    const user = context.switchToHttp().getRequest<FastifyRequest & { user?: AuthUser }>().user;
    if (!user) throw new UnauthorizedError();
    if (!hasAnyPermission(user.role, permissions)) throw new ForbiddenError();
    return true;
  }

  override handleRequest<TUser = AuthUser>(error: unknown, user: TUser | false): TUser {
    if (error || !user) {
      throw new UnauthorizedError(
        'INVALID_TOKEN',
        'The access token is missing, invalid or its session ended.',
      );
    }
    return user;
  }
}
