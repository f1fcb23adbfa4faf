import type { ValidationError } from 'class-validator';
import {
  FIELD_ERROR_CODES,
  UnprocessableError,
  ValidationFailedError,
  type DomainError,
  type FieldError,
  type FieldErrorCode,
} from '../errors';

/** class-validator's constraint names → our stable codes; anything else is `invalid`. */
const CODE_BY_CONSTRAINT: Record<string, FieldErrorCode> = {
  whitelistValidation: 'unknown_field',
  unknownValue: 'not_object',
  nestedValidation: 'not_object',
  requiresEntries: 'required',
  isDefined: 'required',
  isString: 'wrong_type',
  isInt: 'wrong_type',
  isNumber: 'wrong_type',
  isBoolean: 'wrong_type',
  isArray: 'wrong_type',
  isObject: 'wrong_type',
  isEnum: 'not_allowed_value',
  isIn: 'not_allowed_value',
  isUuid: 'invalid_format',
  isEmail: 'invalid_format',
  matches: 'invalid_format',
  isDateString: 'invalid_format',
  isIso8601: 'invalid_format',
  isDateOnly: 'invalid_format',
  minLength: 'too_short',
  maxLength: 'too_long',
  min: 'too_small',
  max: 'too_large',
  arrayMinSize: 'too_few',
  arrayMaxSize: 'too_many',
  arrayUnique: 'not_unique',
  happenedAt: 'out_of_range',
};

function childPath(parent: string, property: string): string {
  if (parent === '') return property;
  return /^\d+$/.test(property) ? `${parent}[${property}]` : `${parent}.${property}`;
}

function codeOf(constraint: string): FieldErrorCode {
  return CODE_BY_CONSTRAINT[constraint] ?? 'invalid';
}

/** Codes earlier in FIELD_ERROR_CODES are more basic: a wrong type is told before a length. */
function rank(constraint: string): number {
  return FIELD_ERROR_CODES.indexOf(codeOf(constraint));
}

/**
 * The one error a field gets, however many constraints it broke: an unknown field is
 * only that, a missing one says it is missing, otherwise the most basic failure.
 */
function fieldErrorOf(error: ValidationError, path: string): FieldError | undefined {
  const constraints = Object.entries(error.constraints ?? {});
  if (constraints.length === 0) return undefined;
  const field = path === '' ? '(body)' : path;
  const [name, message] = constraints.reduce((best, next) => (rank(next[0]) < rank(best[0]) ? next : best));
  if (name === 'whitelistValidation') {
    return { field, code: 'unknown_field', message: `${field} is not an allowed field` };
  }
  if (name === 'unknownValue') {
    return { field, code: 'not_object', message: 'the body must be a JSON object' };
  }
  if (error.value === undefined && path !== '') {
    return {
      field,
      code: 'required',
      message: name === 'requiresEntries' ? message : `${field} is required`,
    };
  }
  return { field, code: codeOf(name), message };
}

/**
 * Flattens class-validator's tree into one `{ field: "members[0].fullName", code, message }`
 * entry per bad field (the pipe must keep `value` in its errors, to tell missing fields).
 */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const flat: FieldError[] = [];
  for (const error of errors) {
    const path = childPath(parent, error.property ?? '');
    const own = fieldErrorOf(error, path);
    if (own) flat.push(own);
    if (error.children && error.children.length > 0) flat.push(...toFieldErrors(error.children, path));
  }
  return flat;
}

/**
 * The error a request with these field errors gets: 400, unless every bad field is well
 * formed but out of range (a date in the future or before the floor): then 422, like any
 * other request the facts do not allow. A request with both kinds hears 400, with all of them.
 */
export function validationErrorOf(errors: FieldError[]): DomainError {
  if (errors.length > 0 && errors.every((error) => error.code === 'out_of_range')) {
    return new UnprocessableError('OUT_OF_RANGE', 'A date names a time that cannot be true.', errors);
  }
  return new ValidationFailedError(errors);
}
