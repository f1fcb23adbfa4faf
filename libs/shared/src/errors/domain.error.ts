/**
 * What went wrong, in domain words. Services throw these (never HTTP exceptions, the
 * worker shares the services); one filter maps each kind to a status.
 */
export type DomainErrorKind =
  | 'validation'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'precondition_failed'
  | 'unprocessable'
  | 'too_many_requests'
  | 'unavailable';

/**
 * One bad field: its path (`members[0].fullName`), a stable machine code a client can
 * translate (`required`, `too_long`, ... see FIELD_ERROR_CODES) and an English message.
 */
export interface FieldError {
  field: string;
  code: FieldErrorCode;
  message: string;
}

/** The stable field error codes; api.md and the README list them. Add, never rename. */
export const FIELD_ERROR_CODES = [
  'required',
  'unknown_field',
  'not_object',
  'wrong_type',
  'not_allowed_value',
  'invalid_format',
  'invalid_text',
  'too_short',
  'too_long',
  'too_small',
  'too_large',
  'too_few',
  'too_many',
  'not_unique',
  'out_of_range',
  'conflicting_value',
  'must_be_absent',
  'not_allowed_now',
  'not_found',
  'incorrect',
  'invalid',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;

  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationFailedError extends DomainError {
  readonly kind = 'validation';
  constructor(
    readonly errors: FieldError[],
    message = 'The request is not valid.',
  ) {
    super('VALIDATION_FAILED', message);
  }
}

/** A request refused as a whole before its fields are looked at (an empty body). */
export class BadRequestError extends DomainError {
  readonly kind = 'validation';
}

export class UnauthorizedError extends DomainError {
  readonly kind = 'unauthorized';
  /** The WWW-Authenticate challenge answered with the 401 (RFC 6750 for bearer tokens). */
  readonly wwwAuthenticate?: string;
  constructor(
    code = 'UNAUTHORIZED',
    message = 'Authentication is required.',
    options: { wwwAuthenticate?: string } = {},
  ) {
    super(code, message);
    if (options.wwwAuthenticate) this.wwwAuthenticate = options.wwwAuthenticate;
  }
}

export class ForbiddenError extends DomainError {
  readonly kind = 'forbidden';
  constructor(code = 'FORBIDDEN', message = 'This role may not do this.') {
    super(code, message);
  }
}

export class NotFoundError extends DomainError {
  readonly kind = 'not_found';
  constructor(code = 'NOT_FOUND', message = 'Not found.') {
    super(code, message);
  }
}

export class ConflictError extends DomainError {
  readonly kind = 'conflict';
}

export class PreconditionFailedError extends DomainError {
  readonly kind = 'precondition_failed';
  constructor(code = 'VERSION_MISMATCH', message = 'The record has changed since it was read.') {
    super(code, message);
  }
}

/** A well-formed request asking for something the current state does not allow (422). */
export class UnprocessableError extends DomainError {
  readonly kind = 'unprocessable';
  constructor(
    code: string,
    message: string,
    readonly errors?: FieldError[],
  ) {
    super(code, message);
  }
}

export class TooManyRequestsError extends DomainError {
  readonly kind = 'too_many_requests';
  constructor(
    readonly retryAfterSeconds: number,
    code = 'TOO_MANY_REQUESTS',
    message = 'Too many attempts; try again later.',
  ) {
    super(code, message);
  }
}

export class ServiceUnavailableError extends DomainError {
  readonly kind = 'unavailable';
  constructor(
    code = 'UNAVAILABLE',
    message = 'A service this request needs is unavailable; try again shortly.',
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(code, message);
  }
}
