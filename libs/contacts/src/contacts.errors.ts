import { ForbiddenError, NotFoundError, UnprocessableError } from '@accompany/shared';

export const contactNotFound = (): NotFoundError =>
  new NotFoundError('CONTACT_NOT_FOUND', 'Contact not found.');
export const notTheAuthor = (): ForbiddenError =>
  new ForbiddenError('NOT_THE_AUTHOR', 'Only the author edits or corrects a contact.');
export const editWindowClosed = (): UnprocessableError =>
  new UnprocessableError(
    'EDIT_WINDOW_CLOSED',
    'A contact is edited only within 24 hours; append a correction.',
  );
export const participantNotInFamily = (index: number): UnprocessableError =>
  new UnprocessableError('PARTICIPANT_NOT_IN_FAMILY', 'Participants must be members of this family.', [
    {
      field: `participantIds[${index}]`,
      code: 'not_found',
      message: 'participantIds must name members of this family',
    },
  ]);
/** Named on the field the request sent: nextFollowUpAt when recording, occurredAt when editing. */
export const followUpNotAfterContact = (
  field: 'nextFollowUpAt' | 'occurredAt' = 'nextFollowUpAt',
): UnprocessableError =>
  new UnprocessableError(
    'FOLLOW_UP_BEFORE_CONTACT',
    'The next follow-up comes after the contact, within a year.',
    [{ field, code: 'out_of_range', message: 'nextFollowUpAt must be after occurredAt and within 365 days' }],
  );
export const familyClosed = (): UnprocessableError =>
  new UnprocessableError('FAMILY_CLOSED', 'Contacts are not recorded on a closed family; reopen it first.');
