import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ForbiddenError } from '@accompany/shared';
import { AccessTokenVerifier } from './access-token.verifier';
import type { AuthUser } from './auth-user';
import { IS_PUBLIC, REQUIRED_PERMISSIONS } from './decorators';
import type { Permission } from './permission.enum';
import { hasAnyPermission } from './role-permissions';

type RequestWithUser = FastifyRequest & { user?: AuthUser };

/** What a route declared, read once per handler: routes never change after start-up. */
type RouteRule = { kind: 'public' } | { kind: 'undeclared' } | { kind: 'permissions'; any: Permission[] };

/**
 * The global guard. Denies by default: a route is reachable only if it is marked
 * `@Public()`, or the caller has a live session and a role granting one of the
 * permissions named by `@Authenticated()`. A route with neither is refused to everyone
 * (and the route-scan test fails the build).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly rules = new WeakMap<object, WeakMap<object, RouteRule>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: AccessTokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.ruleOf(context);
    if (rule.kind === 'public') return true;
    if (rule.kind === 'undeclared') {
      throw new ForbiddenError('ROUTE_NOT_DECLARED', 'This route declares no access rule.');
    }
    const request = context.switchToHttp().getRequest<RequestWithUser>();
    const user = await this.verifier.authenticate(request);
    request.user = user;
    if (!hasAnyPermission(user.role, rule.any)) throw new ForbiddenError();
    return true;
  }

  private ruleOf(context: ExecutionContext): RouteRule {
    const handler = context.getHandler();
    const controller = context.getClass();
    // Keyed by controller and handler: the rule reads both, and an inherited handler may
    // serve two controllers with different class-level rules.
    let byHandler = this.rules.get(controller);
    if (!byHandler) this.rules.set(controller, (byHandler = new WeakMap()));
    const known = byHandler.get(handler);
    if (known) return known;
    const targets = [handler, controller];
    const permissions = this.reflector.getAllAndOverride<Permission[] | undefined>(
      REQUIRED_PERMISSIONS,
      targets,
    );
    const rule: RouteRule = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)
      ? { kind: 'public' }
      : permissions && permissions.length > 0
        ? { kind: 'permissions', any: permissions }
        : { kind: 'undeclared' };
    byHandler.set(handler, rule);
    return rule;
  }
}
