import { applyDecorators } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { ApiProblemResponses } from './api-problem-responses.decorator';

/** An optional `If-Match: "<version>"` (read by @IfMatchVersion()); stale → 412, malformed → 400. */
export function ApiIfMatch(): MethodDecorator {
  return applyDecorators(
    ApiHeader({
      name: 'If-Match',
      required: false,
      description: 'The ETag last read; the change is refused with 412 when the record has moved on',
      schema: { type: 'string', pattern: '^(W/)?"\\d{1,9}"$', example: '"3"' },
    }),
    ApiProblemResponses(400, 412),
  );
}
