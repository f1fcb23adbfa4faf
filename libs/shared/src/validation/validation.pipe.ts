import { type ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { BadRequestError, ValidationFailedError } from '../errors';
import { EMPTY_JSON_BODY } from '../http/json-body-parser';
import { toFieldErrors, validationErrorOf } from './field-errors';
import { DEFAULT_HISTORY_FLOOR, setHistoryFloor } from './happened-at.decorator';
import { findUnsafeText } from './text-safety';

const CHECKED_SOURCES = new Set<ArgumentMetadata['type']>(['body', 'query', 'param']);

function isWholeBodyDto(metadata: ArgumentMetadata): boolean {
  return metadata.type === 'body' && metadata.data === undefined && typeof metadata.metatype === 'function';
}

/**
 * The global pipe, run after the guards (so a role that may never use a route hears 403
 * before anything about its body): an empty or non-object body, then text PostgreSQL
 * cannot hold, anywhere in the body, the query or the path, then the DTO's rules.
 */
class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (isWholeBodyDto(metadata)) {
      if (value === EMPTY_JSON_BODY || value === undefined) {
        throw new BadRequestError('EMPTY_BODY', 'The JSON body is empty.');
      }
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw new ValidationFailedError([
          { field: '(body)', code: 'not_object', message: 'the body must be a JSON object' },
        ]);
      }
    }
    if (CHECKED_SOURCES.has(metadata.type)) {
      const path = findUnsafeText(value, metadata.data ?? '');
      if (path !== undefined) {
        const field = path === '' ? `(${metadata.type})` : path;
        throw new ValidationFailedError([
          {
            field,
            code: 'invalid_text',
            message: `${field} must not contain NUL characters or broken Unicode`,
          },
        ]);
      }
    }
    return super.transform(value, metadata);
  }
}

/**
 * Unknown fields are refused, types are converted only where a DTO says so. `historyFloor`
 * (HISTORY_FLOOR_DATE) is the earliest date a "when did it happen" field may name.
 */
export function createValidationPipe(options: { historyFloor?: string } = {}): ValidationPipe {
  setHistoryFloor(options.historyFloor ?? DEFAULT_HISTORY_FLOOR);
  return new InputValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    // `value` stays in the errors only so toFieldErrors can tell a missing field; it is never sent.
    validationError: { target: false, value: true },
    stopAtFirstError: false,
    exceptionFactory: (errors) => validationErrorOf(toFieldErrors(errors)),
  });
}
