import { createHash } from 'node:crypto';
import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { TransactionRunner } from '@accompany/persistence';
import { ConflictError, UnprocessableError, ValidationFailedError } from '../errors';
import { IdempotencyRepository, type IdempotencyScope } from './idempotency.repository';

const IDEMPOTENCY_HEADER = 'idempotency-key';
const ACCEPTABLE_KEY = /^[\x21-\x7e]{1,200}$/;

/** Canonical JSON: the same body with its keys in another order hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * `Idempotency-Key` on creating POSTs (api.md § Conventions). The key is scoped to
 * (user, method, concrete path). The first request runs inside one transaction together
 * with the storing of its answer; a repeat with the same body gets that answer again
 * (same id, nothing created), another body 422, a repeat while the first runs 409.
 * Failed requests store nothing, so they may be retried.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly keys: IdempotencyRepository,
    private readonly tx: TransactionRunner,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: { id: string } }>();
    const header: unknown = request.headers[IDEMPOTENCY_HEADER];
    if (header === undefined || !request.user) return next.handle();
    if (typeof header !== 'string' || !ACCEPTABLE_KEY.test(header)) {
      throw new ValidationFailedError([
        {
          field: 'Idempotency-Key',
          code: 'invalid_format',
          message: 'Idempotency-Key must be 1-200 visible ASCII characters',
        },
      ]);
    }
    const scope: IdempotencyScope = {
      userId: request.user.id,
      method: request.method,
      path: request.url.split('?')[0] ?? request.url,
      key: header,
    };
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    // The status Nest will answer with: the route's @HttpCode, else 201 for a POST.
    const declared: unknown = Reflect.getMetadata('__httpCode__', context.getHandler());
    const status = typeof declared === 'number' ? declared : 201;
    return from(this.handle(scope, request.body, status, reply, next));
  }

  private async handle(
    scope: IdempotencyScope,
    body: unknown,
    status: number,
    reply: FastifyReply,
    next: CallHandler,
  ): Promise<unknown> {
    const hash = createHash('sha256').update(canonical(body)).digest();
    const claim = await this.keys.claim(scope, hash);
    switch (claim.kind) {
      case 'replay':
        void reply.header('idempotent-replayed', 'true');
        return claim.body;
      case 'mismatch':
        throw new UnprocessableError(
          'IDEMPOTENCY_KEY_REUSED',
          'This Idempotency-Key was used with another request body.',
        );
      case 'in_flight':
        throw new ConflictError(
          'IDEMPOTENCY_IN_FLIGHT',
          'A request with this Idempotency-Key is still in progress.',
        );
      case 'claimed':
        break;
    }
    try {
      return await this.tx.run(async () => {
        const result: unknown = await lastValueFrom(next.handle() as Observable<unknown>, {
          defaultValue: undefined,
        });
        await this.keys.complete(scope, status, result);
        return result;
      });
    } catch (error) {
      await this.keys.release(scope);
      throw error;
    }
  }
}
