import type { ValidationError } from 'class-validator';
import type { FieldError } from '../errors';

function childPath(parent: string, property: string): string {
  if (parent === '') return property;
  return /^\d+$/.test(property) ? `${parent}[${property}]` : `${parent}.${property}`;
}

function messageOf(constraintName: string, message: string, property: string): string {
  if (constraintName === 'whitelistValidation') return `${property} is not an allowed field`;
  if (constraintName === 'unknownValue') return 'the body must be a JSON object';
  return message;
}

/** Flattens class-validator's tree into `{ field: "members[0].fullName", message }` entries. */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const flat: FieldError[] = [];
  for (const error of errors) {
    const path = childPath(parent, error.property ?? '');
    for (const [name, message] of Object.entries(error.constraints ?? {})) {
      flat.push({ field: path === '' ? '(body)' : path, message: messageOf(name, message, path) });
    }
    if (error.children && error.children.length > 0) flat.push(...toFieldErrors(error.children, path));
  }
  return flat;
}
