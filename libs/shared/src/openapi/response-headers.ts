import type { HeaderObject } from '@nestjs/swagger';

/** Response headers exactly as the code sends them (see each source named below). */
export const RESPONSE_HEADERS = {
  /** VersionEtagInterceptor: every body with a numeric `version`. */
  ETag: {
    description: 'The version of this record, to send back as If-Match',
    required: true,
    schema: { type: 'string', example: '"3"' },
  },
  /** CreatedLocationInterceptor: every 201 of a @CreatedAt route, replays included. */
  Location: {
    description: 'The URL of the created record',
    required: true,
    schema: { type: 'string', example: '/api/v1/families/6f1c2d3e-0000-4000-8000-000000000000' },
  },
  /** IdempotencyInterceptor: only when the answer is the stored one of an earlier request. */
  'Idempotent-Replayed': {
    description: 'true when this is the stored answer of an earlier request with the same Idempotency-Key',
    required: false,
    schema: { type: 'string', enum: ['true'] },
  },
  /** TooManyRequestsError (login lock, per-address limit). */
  'Retry-After': {
    description: 'Seconds to wait before trying again',
    required: true,
    schema: { type: 'integer', minimum: 1, example: 900 },
  },
} satisfies Record<string, HeaderObject>;
