import type { ValidationError } from 'class-validator';
import { toFieldErrors } from './field-errors';

describe(toFieldErrors.name, () => {
  it('should name nested fields by their path', () => {
    const errors: ValidationError[] = [
      {
        property: 'members',
        children: [
          {
            property: '0',
            children: [{ property: 'fullName', constraints: { isString: 'fullName must be a string' } }],
          },
        ],
      },
      { property: 'surname', constraints: { whitelistValidation: 'property surname should not exist' } },
    ];
    expect(toFieldErrors(errors)).toEqual([
      { field: 'members[0].fullName', message: 'fullName must be a string' },
      { field: 'surname', message: 'surname is not an allowed field' },
    ]);
  });
});
