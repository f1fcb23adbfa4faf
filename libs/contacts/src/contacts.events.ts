/**
 * Published inside the recording (or editing) transaction; reminders reacts (closes and
 * plans follow-ups). `contact.replanned`: the family's latest contact was edited within its
 * 24 h window in a way that changes what it plans (made or not, when).
 */
export const ContactEvents = {
  Recorded: 'contact.recorded',
  Replanned: 'contact.replanned',
} as const;

export interface ContactRecordedEvent {
  contactId: string;
  familyId: string;
  teamId: string;
  authorId: string;
  contactMade: boolean;
  occurredAt: Date;
  nextFollowUpAt: Date | null;
  /**
   * No other contact of the family happened later (asked under the family lock). An older
   * contact, entered late, is history: it neither closes nor moves the follow-up plan.
   */
  latest: boolean;
}
