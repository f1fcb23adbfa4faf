import type { ValidationError } from 'class-validator';
import { UnprocessableError, ValidationFailedError } from '../errors';
import { toFieldErrors, validationErrorOf } from './field-errors';

describe(toFieldErrors.name, () => {
  it('should name nested fields by their path, with a code', () => {
    const errors: ValidationError[] = [
      {
        property: 'members',
        value: [{}],
        children: [
          {
            property: '0',
            value: {},
            children: [
              { property: 'fullName', value: 5, constraints: { isString: 'fullName must be a string' } },
            ],
          },
        ],
      },
      {
        property: 'surname',
        value: 'x',
        constraints: { whitelistValidation: 'property surname should not exist' },
      },
    ];
    expect(toFieldErrors(errors)).toEqual([
      { field: 'members[0].fullName', code: 'wrong_type', message: 'fullName must be a string' },
      { field: 'surname', code: 'unknown_field', message: 'surname is not an allowed field' },
    ]);
  });

  it('should give one error per field, the most basic one', () => {
    const errors: ValidationError[] = [
      {
        property: 'name',
        value: 42,
        constraints: {
          maxLength: 'name must be shorter than or equal to 120 characters',
          minLength: 'name must be longer than or equal to 1 characters',
          isString: 'name must be a string',
        },
      },
      {
        property: 'role',
        value: 'king',
        constraints: { isEnum: 'role must be one of the following values: admin, supervisor' },
      },
      {
        property: 'address',
        value: 'x'.repeat(600),
        constraints: { maxLength: 'address must be shorter than or equal to 500 characters' },
      },
    ];
    expect(toFieldErrors(errors).map(({ field, code }) => [field, code])).toEqual([
      ['name', 'wrong_type'],
      ['role', 'not_allowed_value'],
      ['address', 'too_long'],
    ]);
  });

  it('should say a missing field is missing, not that it has the wrong format', () => {
    const errors: ValidationError[] = [
      { property: 'teamId', value: undefined, constraints: { isUuid: 'teamId must be a UUID' } },
    ];
    expect(toFieldErrors(errors)).toEqual([
      { field: 'teamId', code: 'required', message: 'teamId is required' },
    ]);
  });

  it('should report a null like any other wrong value', () => {
    const errors: ValidationError[] = [
      { property: 'otherNames', value: null, constraints: { isArray: 'otherNames must be an array' } },
    ];
    expect(toFieldErrors(errors)).toEqual([
      { field: 'otherNames', code: 'wrong_type', message: 'otherNames must be an array' },
    ]);
  });

  it('should answer a body that is not an object as not_object on (body)', () => {
    const errors: ValidationError[] = [
      { property: '', value: 'x', constraints: { unknownValue: 'an unknown value was passed' } },
    ];
    expect(toFieldErrors(errors)).toEqual([
      { field: '(body)', code: 'not_object', message: 'the body must be a JSON object' },
    ]);
  });
});

describe(validationErrorOf.name, () => {
  const future = {
    field: 'occurredAt',
    code: 'out_of_range',
    message: 'occurredAt must not be in the future',
  } as const;
  const wrongType = { field: 'summary', code: 'wrong_type', message: 'summary must be a string' } as const;

  it('should answer 422 OUT_OF_RANGE when every bad field is only out of range', () => {
    const error = validationErrorOf([future, { ...future, field: 'members[0].birthDate' }]);
    expect(error).toBeInstanceOf(UnprocessableError);
    expect(error).toMatchObject({
      code: 'OUT_OF_RANGE',
      errors: [future, { ...future, field: 'members[0].birthDate' }],
    });
  });

  it('should answer 400 with every field when some are malformed, and for no fields at all', () => {
    const mixed = validationErrorOf([future, wrongType]);
    expect(mixed).toBeInstanceOf(ValidationFailedError);
    expect(mixed).toMatchObject({ code: 'VALIDATION_FAILED', errors: [future, wrongType] });
    expect(validationErrorOf([])).toBeInstanceOf(ValidationFailedError);
  });
});
