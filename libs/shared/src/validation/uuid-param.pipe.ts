import { Injectable, type PipeTransform, type ArgumentMetadata } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { ValidationFailedError } from '../errors';

/** A malformed id in a path is the caller's mistake (400), never a lookup. */
@Injectable()
export class UuidParamPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (!isUUID(value)) {
      const field = metadata.data ?? 'id';
      throw new ValidationFailedError([
        { field, code: 'invalid_format', message: `${field} must be a UUID` },
      ]);
    }
    return value;
  }
}
