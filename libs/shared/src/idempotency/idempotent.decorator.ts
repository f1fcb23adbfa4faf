import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { ApiProblemResponses } from '../openapi/api-problem-responses.decorator';
import { mergeApiResponse } from '../openapi/merge-api-response';
import { RESPONSE_HEADERS } from '../openapi/response-headers';
import { IdempotencyInterceptor } from './idempotency.interceptor';

/** Marks a creating POST (201) as safe to retry with an `Idempotency-Key` header. */
export function Idempotent(): MethodDecorator {
  return applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Repeat the request with the same key and body within 24 h to get the first answer again; ' +
        'the same key with another body answers 422, while the first still runs 409',
      schema: {
        type: 'string',
        pattern: '^[\\x21-\\x7e]{1,200}$',
        example: 'c0a8f3e2-5b7d-4e1f-9a6c-2d4b8e0f1a3c',
      },
    }),
    mergeApiResponse(201, { headers: { 'Idempotent-Replayed': RESPONSE_HEADERS['Idempotent-Replayed'] } }),
    ApiProblemResponses(400, 409, 422),
  );
}
