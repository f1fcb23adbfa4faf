export * from './errors';
export {
  classifyError,
  PROBLEM_CONTENT_TYPE,
  toProblem,
  type Problem,
  type ProblemDetails,
} from './http/problem';
export { ProblemFilter } from './http/problem.filter';
export { REQUEST_ID_HEADER, resolveRequestId } from './http/request-id';
export { clientIp } from './http/client-ip';
export { SECURITY_HEADERS, type SecurityHeaderKind } from './http/security-headers';
export { AppLogger } from './logging/app-logger';
export { LoggingModule, type LoggingOptions } from './logging/logging.module';
export { RequestLog } from './logging/request-log';
export { REDACT_PATHS } from './logging/redaction';
export {
  decodeCursor,
  encodeCursor,
  toPage,
  type CursorKey,
  type CursorPart,
  type Page,
} from './pagination/cursor';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, PageQueryDto } from './pagination/page-query.dto';
export { toFieldErrors, validationErrorOf } from './validation/field-errors';
export { UuidParamPipe } from './validation/uuid-param.pipe';
export { createValidationPipe } from './validation/validation.pipe';
export { VersionEtagInterceptor } from './versioning/etag.interceptor';
export { API_PREFIX, CreatedAt, CreatedLocationInterceptor } from './http/created-location';
export { IfMatchVersion, parseIfMatch } from './versioning/if-match.decorator';
export { IdempotencyKeyEntity } from './idempotency/idempotency-key.entity';
export { IdempotencyModule } from './idempotency/idempotency.module';
export { Idempotent } from './idempotency/idempotent.decorator';
export { IsDateOnly } from './validation/date-only.decorator';
export {
  BIRTH_FLOOR,
  BornIn,
  CLOCK_SKEW_MS,
  DEFAULT_HISTORY_FLOOR,
  HappenedAt,
} from './validation/happened-at.decorator';
export { NullableField, OptionalField, RequiresEntriesAcross } from './validation/optional.decorators';
export { findUnsafeText, isUnsafeText } from './validation/text-safety';
export { EMPTY_JSON_BODY, registerJsonBodyParser } from './http/json-body-parser';
export { MAX_JSON_DEPTH } from './http/json-depth';
export { problemServerOptions } from './http/framework-errors';
export { trimmed, trimmedList } from './validation/trim';
export * from './openapi';
