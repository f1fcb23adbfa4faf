/** Published inside the recording transaction; reminders reacts (closes and plans follow-ups). */
export const ContactEvents = {
  Recorded: 'contact.recorded',
} as const;

export interface ContactRecordedEvent {
  contactId: string;
  familyId: string;
  teamId: string;
  authorId: string;
  contactMade: boolean;
  occurredAt: Date;
  nextFollowUpAt: Date | null;
}
