import {
  applyDecorators,
  Injectable,
  SetMetadata,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { tap, type Observable } from 'rxjs';
import { mergeApiResponse } from '../openapi/merge-api-response';
import { RESPONSE_HEADERS } from '../openapi/response-headers';

/** Every route of the contract lives under this prefix (docs/api.md). */
export const API_PREFIX = 'api/v1';

const LOCATION_TEMPLATE = 'accompany:created-location';

/**
 * A creating POST whose resource has its own URL: the 201 carries `Location`, built from the
 * answer's id (`/families/{id}` → `/api/v1/families/<id>`).
 */
export const CreatedAt = (template: `/${string}{id}${string}`): MethodDecorator =>
  applyDecorators(
    SetMetadata(LOCATION_TEMPLATE, template),
    mergeApiResponse(201, { headers: { Location: RESPONSE_HEADERS.Location } }, { generic: true }),
  );

/**
 * Sets `Location` on the answers of @CreatedAt routes. Global, so it wraps the idempotency
 * interceptor and a replayed answer carries the same header as the first.
 */
@Injectable()
export class CreatedLocationInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const template = this.reflector.get<string | undefined>(LOCATION_TEMPLATE, context.getHandler());
    if (!template) return next.handle();
    return next.handle().pipe(
      tap((body: unknown) => {
        if (typeof body !== 'object' || body === null || !('id' in body) || typeof body.id !== 'string') {
          return;
        }
        const path = template.replace('{id}', encodeURIComponent(body.id));
        void context.switchToHttp().getResponse<FastifyReply>().header('location', `/${API_PREFIX}${path}`);
      }),
    );
  }
}
