/** The author may edit a contact for this long after recording it; afterwards only corrections. */
const EDIT_WINDOW_MS = 24 * 3600 * 1000;
const MAX_FOLLOW_UP_MS = 365 * 24 * 3600 * 1000;

export function isEditable(createdAt: Date, now: Date): boolean {
  return now.getTime() - createdAt.getTime() <= EDIT_WINDOW_MS;
}

export function isValidFollowUp(occurredAt: Date, nextFollowUpAt: Date): boolean {
  const gap = nextFollowUpAt.getTime() - occurredAt.getTime();
  return gap > 0 && gap <= MAX_FOLLOW_UP_MS;
}

/**
 * Whether an edit changes what the contact plans (reminders' planAfterContact): made or not
 * always does; when it happened only for a made contact that named no follow-up date (the
 * cadence counts from it). A retry counts from the recording, whatever the date.
 */
export function changesPlan(
  changes: { contactMade?: boolean; occurredAt?: Date },
  contact: { contactMade: boolean; nextFollowUpAt: Date | null },
): boolean {
  if (changes.contactMade !== undefined) return true;
  return changes.occurredAt !== undefined && contact.contactMade && contact.nextFollowUpAt === null;
}
