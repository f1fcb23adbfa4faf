import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { type Observable, tap } from 'rxjs';

/** Any single resource answered with a numeric `version` gets `ETag: "<version>"`. */
@Injectable()
export class VersionEtagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      tap((body: unknown) => {
        if (typeof body === 'object' && body !== null && 'version' in body) {
          const version = body.version;
          if (typeof version === 'number') {
            void context.switchToHttp().getResponse<FastifyReply>().header('etag', `"${version}"`);
          }
        }
      }),
    );
  }
}
