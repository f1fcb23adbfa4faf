import { registerDecorator, ValidateIf } from 'class-validator';

/**
 * May be left out; when sent, it is validated, and `null` is a wrong value like any other.
 * Use this instead of class-validator's IsOptional, which lets null through to the
 * services (TypeErrors, NOT NULL violations): ESLint refuses IsOptional.
 */
export function OptionalField(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
}

/** May be left out or sent as `null`, which clears the field (api.md says which fields). */
export function NullableField(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined && value !== null);
}

function entriesAcross(object: object, fields: readonly string[]): number {
  const record = object as Record<string, unknown>;
  return fields.reduce((count, field) => {
    const list = record[field];
    return count + (Array.isArray(list) ? list.length : 0);
  }, 0);
}

/**
 * For a record that is empty without at least one entry in one of several lists (a family
 * needs a member or a missing person). Put it instead of OptionalField on the first list
 * of `fields`: that list is validated when sent, and also when every list is empty or
 * absent, and then answers `required` with `message`.
 */
export function RequiresEntriesAcross(fields: readonly string[], message: string): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    ValidateIf(
      (object: object, value: unknown) => value !== undefined || entriesAcross(object, fields) === 0,
    )(target, propertyName);
    registerDecorator({
      name: 'requiresEntries',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message },
      validator: {
        validate: (_value: unknown, args) => entriesAcross(args?.object ?? {}, fields) > 0,
      },
    });
  };
}
