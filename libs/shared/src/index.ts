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
export { LoggingModule } from './logging/logging.module';
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
export { toFieldErrors } from './validation/field-errors';
export { UuidParamPipe } from './validation/uuid-param.pipe';
export { createValidationPipe } from './validation/validation.pipe';
export { VersionEtagInterceptor } from './versioning/etag.interceptor';
export { IfMatchVersion, parseIfMatch } from './versioning/if-match.decorator';
export { IdempotencyKeyEntity } from './idempotency/idempotency-key.entity';
export { IdempotencyModule } from './idempotency/idempotency.module';
export { Idempotent } from './idempotency/idempotent.decorator';
export { IsDateOnly, IsPresentIfGiven } from './validation/date-only.decorator';
export { trimmed, trimmedList } from './validation/trim';
export * from './openapi';
