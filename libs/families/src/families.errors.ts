import { ForbiddenError, NotFoundError, UnprocessableError } from '@accompany/shared';

export const familyNotFound = (): NotFoundError => new NotFoundError('FAMILY_NOT_FOUND', 'Family not found.');
export const memberNotFound = (): NotFoundError =>
  new NotFoundError('MEMBER_NOT_FOUND', 'Family member not found.');
export const missingPersonNotFound = (): NotFoundError =>
  new NotFoundError('MISSING_PERSON_NOT_FOUND', 'Missing person not found.');
export const assignmentForbidden = (): ForbiddenError =>
  new ForbiddenError('ASSIGNMENT_FORBIDDEN', 'Only supervisors assign families.');
export const closingForbidden = (): ForbiddenError =>
  new ForbiddenError('CLOSING_FORBIDDEN', 'Only supervisors close or reopen families.');
export const illegalFamilyTransition = (from: string, to: string): UnprocessableError =>
  new UnprocessableError('ILLEGAL_STATUS_TRANSITION', `A family cannot move from ${from} to ${to}.`, [
    { field: 'status', code: 'not_allowed_now', message: `${from} → ${to} is not allowed` },
  ]);
export const illegalMissingPersonTransition = (from: string, to: string): UnprocessableError =>
  new UnprocessableError('ILLEGAL_STATUS_TRANSITION', `A missing person cannot move from ${from} to ${to}.`, [
    { field: 'status', code: 'not_allowed_now', message: `${from} → ${to} is not allowed` },
  ]);
export const closureReasonWithoutClosing = (): UnprocessableError =>
  new UnprocessableError('CLOSURE_REASON_WITHOUT_CLOSING', 'closureReason is only given when closing.', [
    {
      field: 'closureReason',
      code: 'must_be_absent',
      message: 'closureReason is only allowed with status closed',
    },
  ]);
export const notAnAccompanierOfTeam = (): UnprocessableError =>
  new UnprocessableError(
    'ASSIGNEE_NOT_ACCOMPANIER',
    'Families are assigned to active accompaniers of the team.',
    [
      {
        field: 'assignedAccompanierId',
        code: 'not_allowed_value',
        message: 'assignedAccompanierId must be an active accompanier of the team',
      },
    ],
  );
export const birthYearMismatch = (field: string): UnprocessableError =>
  new UnprocessableError('BIRTH_YEAR_MISMATCH', 'birthYear and birthDate disagree.', [
    { field, code: 'conflicting_value', message: 'birthYear must match the year of birthDate' },
  ]);
