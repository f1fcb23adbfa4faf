import { HttpException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { DomainError, type DomainErrorKind, type FieldError } from '../errors';
import { MAX_JSON_DEPTH } from './json-depth';

/** RFC 9457 problem details, as api.md fixes them, plus our stable `code`. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  requestId: string;
  code: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export interface Problem {
  status: number;
  body: ProblemDetails;
  headers: Record<string, string>;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const STATUS_BY_KIND: Record<DomainErrorKind, number> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  unprocessable: 422,
  too_many_requests: 429,
  unavailable: 503,
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  411: 'Length Required',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  503: 'Service Unavailable',
};

/** Fastify's and Node's own refusals (and our parse-time ones), raised before a request reaches Nest. */
const FASTIFY_CODES: Record<string, { status: number; code: string; detail: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'MALFORMED_JSON',
    detail: 'The body is not valid JSON.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'EMPTY_BODY', detail: 'The JSON body is empty.' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'BODY_TOO_LARGE', detail: 'The body is too large.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    detail: 'Send JSON with Content-Type: application/json.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'INVALID_CONTENT_LENGTH',
    detail: 'Content-Length does not match the body.',
  },
  JSON_TOO_DEEP: {
    status: 400,
    code: 'JSON_TOO_DEEP',
    detail: `The JSON body nests arrays or objects deeper than ${MAX_JSON_DEPTH} levels.`,
  },
  FST_ERR_BAD_URL: { status: 400, code: 'BAD_URL', detail: 'The URL is not validly encoded.' },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, code: 'URI_TOO_LONG', detail: 'A path segment is too long.' },
  HPE_INVALID_METHOD: {
    status: 501,
    code: 'METHOD_NOT_IMPLEMENTED',
    detail: 'The request method is not supported.',
  },
  HPE_HEADER_OVERFLOW: {
    status: 431,
    code: 'HEADERS_TOO_LARGE',
    detail: 'The request line or headers are too large.',
  },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, code: 'REQUEST_TIMEOUT', detail: 'The request took too long.' },
};

/** Any other refusal of Node's HTTP parser: the bytes were not a valid HTTP request. */
const MALFORMED_REQUEST: Classified = {
  status: 400,
  code: 'MALFORMED_REQUEST',
  detail: 'The request is not valid HTTP.',
};

/** PostgreSQL SQLSTATEs that mean "the database is not reachable right now". */
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08003',
  '08006',
  '08001',
  '53300',
]);
const UNAVAILABLE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE']);

interface Classified {
  status: number;
  code: string;
  detail: string;
  errors?: FieldError[];
  headers?: Record<string, string>;
  extensions?: Record<string, unknown>;
}

function fromDomainError(error: DomainError): Classified {
  const classified: Classified = {
    status: STATUS_BY_KIND[error.kind],
    code: error.code,
    detail: error.message,
  };
  if ('errors' in error && Array.isArray(error.errors)) classified.errors = error.errors as FieldError[];
  if ('retryAfterSeconds' in error && typeof error.retryAfterSeconds === 'number') {
    classified.headers = { 'retry-after': String(Math.max(1, Math.ceil(error.retryAfterSeconds))) };
  }
  if ('wwwAuthenticate' in error && typeof error.wwwAuthenticate === 'string') {
    classified.headers = { ...classified.headers, 'www-authenticate': error.wwwAuthenticate };
  }
  if ('extensions' in error && error.extensions && typeof error.extensions === 'object') {
    classified.extensions = error.extensions as Record<string, unknown>;
  }
  return classified;
}

function fromHttpException(error: HttpException): Classified {
  const status = error.getStatus();
  const response = error.getResponse();
  const message =
    typeof response === 'object' && response !== null && 'message' in response ? response.message : response;
  const detail = typeof message === 'string' ? message : (TITLES[status] ?? 'Error');
  const code = (TITLES[status] ?? 'ERROR').toUpperCase().replace(/ /g, '_');
  return { status, code, detail };
}

function errorCodeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

function fromDatabaseError(error: QueryFailedError): Classified | undefined {
  const sqlState = errorCodeOf(error.driverError);
  if (sqlState === '23505') return { status: 409, code: 'CONFLICT', detail: 'This record already exists.' };
  // Malformed values that slipped past validation (a bad uuid or date in a filter) are the caller's.
  if (sqlState === '22P02' || sqlState === '22007' || sqlState === '22008') {
    return { status: 400, code: 'INVALID_VALUE', detail: 'A value in the request is not valid.' };
  }
  if (sqlState === '40001' || sqlState === '40P01') {
    return { status: 409, code: 'CONCURRENT_UPDATE', detail: 'A concurrent change interfered; retry.' };
  }
  if (sqlState && UNAVAILABLE_SQLSTATES.has(sqlState)) return unavailable();
  return undefined;
}

function unavailable(): Classified {
  return {
    status: 503,
    code: 'DATABASE_UNAVAILABLE',
    detail: 'The database is unavailable; try again shortly.',
    headers: { 'retry-after': '5' },
  };
}

export function classifyError(error: unknown): Classified {
  if (error instanceof DomainError) return fromDomainError(error);
  if (error instanceof HttpException) {
    // Nest wraps Fastify's own refusals (bad JSON, too large...) with the original as cause.
    const fastifyCode = errorCodeOf(error.cause);
    if (fastifyCode && FASTIFY_CODES[fastifyCode]) return { ...FASTIFY_CODES[fastifyCode] };
    return fromHttpException(error);
  }
  if (error instanceof QueryFailedError) {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-argument -- QueryFailedError<any> from TypeORM
    const classified = fromDatabaseError(error);
    if (classified) return classified;
  }
  const code = errorCodeOf(error);
  if (code && FASTIFY_CODES[code]) return { ...FASTIFY_CODES[code] };
  if (code?.startsWith('HPE_')) return { ...MALFORMED_REQUEST };
  if (code && UNAVAILABLE_ERRNOS.has(code)) return unavailable();
  if (error instanceof Error && /Connection terminated|connection timeout/i.test(error.message)) {
    return unavailable();
  }
  const statusCode = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return {
      status: statusCode,
      code: 'BAD_REQUEST',
      detail: TITLES[statusCode] ?? 'The request was refused.',
    };
  }
  return { status: 500, code: 'INTERNAL', detail: 'An unexpected error occurred; quote the request id.' };
}

export function toProblem(error: unknown, requestId: string, instance: string): Problem {
  const c = classifyError(error);
  const body: ProblemDetails = {
    ...c.extensions,
    type: `urn:accompany:problem:${c.code.toLowerCase().replace(/_/g, '-')}`,
    title: TITLES[c.status] ?? 'Error',
    status: c.status,
    detail: c.detail,
    instance,
    requestId,
    code: c.code,
  };
  if (c.errors) body.errors = c.errors;
  return { status: c.status, body, headers: c.headers ?? {} };
}
