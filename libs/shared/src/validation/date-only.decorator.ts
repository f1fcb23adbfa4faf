import { applyDecorators } from '@nestjs/common';
import { Matches, registerDecorator, type ValidationOptions } from 'class-validator';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * A calendar date `YYYY-MM-DD` that exists. Whether it may be in the future or how far back
 * is another rule (HappenedAt), answered 422 rather than 400.
 */
export function IsDateOnly(validation?: ValidationOptions): PropertyDecorator {
  return applyDecorators(
    Matches(DATE_ONLY, { message: '$property must be a date as YYYY-MM-DD', ...validation }),
    (target: object, propertyName: string | symbol) =>
      registerDecorator({
        name: 'isDateOnly',
        target: target.constructor,
        propertyName: String(propertyName),
        options: {
          message: '$property must be a real date',
          ...validation,
        },
        validator: {
          validate(value: unknown): boolean {
            return typeof value === 'string' && DATE_ONLY.test(value) && isRealDate(value);
          },
        },
      }),
  );
}
