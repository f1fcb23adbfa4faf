import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ValidationFailedError } from '../errors';

/**
 * Reads `If-Match: "<version>"` (weak or strong); absent → undefined; malformed → 400.
 * `*` (RFC 9110: "any current representation") is met by every record the route finds,
 * so it asks for nothing more than no header does.
 */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '' || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(header);
  if (!match?.[1]) {
    throw new ValidationFailedError([
      { field: 'If-Match', code: 'invalid_format', message: 'If-Match must be an ETag such as "3"' },
    ]);
  }
  return Number(match[1]);
}

export const IfMatchVersion = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): number | undefined => {
    const raw: unknown = ctx.switchToHttp().getRequest<FastifyRequest>().headers['if-match'];
    return parseIfMatch(typeof raw === 'string' ? raw : undefined);
  },
);
