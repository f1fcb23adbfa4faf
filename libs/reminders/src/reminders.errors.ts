import { ForbiddenError, NotFoundError, UnprocessableError } from '@accompany/shared';

export const reminderNotFound = (): NotFoundError =>
  new NotFoundError('REMINDER_NOT_FOUND', 'Reminder not found.');
export const teamScopeForbidden = (): ForbiddenError =>
  new ForbiddenError('TEAM_SCOPE_FORBIDDEN', "Only supervisors see the team's escalated reminders.");
export const reminderClosed = (status: string): UnprocessableError =>
  new UnprocessableError('REMINDER_CLOSED', `A ${status} reminder cannot change.`);
export const snoozeOutOfRange = (): UnprocessableError =>
  new UnprocessableError('SNOOZE_OUT_OF_RANGE', 'A reminder is snoozed to a time in the next 90 days.', [
    {
      field: 'dueAt',
      code: 'out_of_range',
      message: 'dueAt must be in the future and at most 90 days ahead',
    },
  ]);
