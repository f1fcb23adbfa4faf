import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from '@accompany/shared';

export const userNotFound = (): NotFoundError => new NotFoundError('USER_NOT_FOUND', 'User not found.');
export const emailTaken = (): ConflictError =>
  new ConflictError('EMAIL_TAKEN', 'A user with this e-mail exists.');
export const teamRequired = (): UnprocessableError =>
  new UnprocessableError('TEAM_REQUIRED', 'Every role but admin belongs to a team.', [
    { field: 'teamId', code: 'required', message: 'teamId is required for this role' },
  ]);
export const adminHasNoTeam = (): UnprocessableError =>
  new UnprocessableError('ADMIN_HAS_NO_TEAM', 'Admins belong to no team.', [
    { field: 'teamId', code: 'must_be_absent', message: 'teamId must be absent for admins' },
  ]);
export const unknownTeam = (): UnprocessableError =>
  new UnprocessableError('TEAM_NOT_FOUND', 'The team does not exist.', [
    { field: 'teamId', code: 'not_found', message: 'teamId names no team' },
  ]);
export const ownRoleChange = (): ForbiddenError =>
  new ForbiddenError('OWN_ROLE_CHANGE', 'Nobody changes their own role, team or active state.');
