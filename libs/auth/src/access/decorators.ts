import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiProblemResponses, clientIp } from '@accompany/shared';
import type { AuthUser } from './auth-user';
import type { Permission } from './permission.enum';

export const IS_PUBLIC = 'accompany:public';
export const REQUIRED_PERMISSIONS = 'accompany:permissions';

/** The name of the bearer scheme in the OpenAPI document (DocumentBuilder.addBearerAuth). */
export const BEARER_SCHEME = 'bearer';

/** Opts a route out of authentication: login, refresh, logout, health, the index and docs only. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/**
 * Requires a signed-in user whose role grants the permission (or any of them, for routes
 * that serve each role its own view of one resource).
 */
export function Authenticated(options: { permission: Permission | Permission[] }): MethodDecorator {
  const permissions = Array.isArray(options.permission) ? options.permission : [options.permission];
  return applyDecorators(
    SetMetadata(REQUIRED_PERMISSIONS, permissions),
    ApiBearerAuth(BEARER_SCHEME),
    ApiProblemResponses(401, 403),
  );
}

type RequestWithUser = FastifyRequest & { user?: AuthUser };

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  const user = ctx.switchToHttp().getRequest<RequestWithUser>().user;
  if (!user) throw new Error('CurrentUser used on a route without authentication');
  return user;
});

export interface RequestMeta {
  requestId: string;
  ip: string;
  userAgent: string | null;
}

/** Request id and address for public routes, where no AuthUser carries them. */
export const CurrentRequest = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestMeta => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest>();
  const agent = request.headers['user-agent'];
  return {
    requestId: String(request.id),
    ip: clientIp(request),
    userAgent: agent ? agent.slice(0, 256) : null,
  };
});
