import type { MessageKey } from '../i18n/messages';

/** What the contact form holds: strings as typed, so nothing is lost when the server refuses. */
export interface ContactDraft {
  kind: string;
  occurredAt: string;
  contactMade: boolean;
  durationMinutes: string;
  summary: string;
  actionsAgreed: string;
  nextFollowUpAt: string;
}

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

/** The API's rules for a new contact (contact.dto.ts, contacts.errors.ts), checked before sending. */
export function validateContact(
  draft: ContactDraft,
  now: Date,
): Partial<Record<keyof ContactDraft, MessageKey>> {
  const errors: Partial<Record<keyof ContactDraft, MessageKey>> = {};
  if (!draft.kind) errors.kind = 'required';
  const occurred = draft.occurredAt ? new Date(draft.occurredAt) : null;
  if (!occurred || Number.isNaN(occurred.getTime())) errors.occurredAt = 'required';
  else if (occurred.getTime() > now.getTime()) errors.occurredAt = 'inFuture';
  if (draft.durationMinutes.trim() !== '') {
    const minutes = Number(draft.durationMinutes);
    if (!Number.isInteger(minutes) || minutes < 0 || minutes > 1440) errors.durationMinutes = 'durationRange';
  }
  if (draft.summary.trim() === '') errors.summary = 'required';
  else if (draft.summary.length > 10000) errors.summary = 'tooLong';
  if (draft.actionsAgreed.length > 5000) errors.actionsAgreed = 'tooLong';
  if (draft.nextFollowUpAt && occurred && !errors.occurredAt) {
    const next = new Date(draft.nextFollowUpAt).getTime();
    if (Number.isNaN(next) || next <= occurred.getTime() || next - occurred.getTime() > YEAR_MS) {
      errors.nextFollowUpAt = 'followUpAfter';
    }
  }
  return errors;
}

/** The request body: local date-times become instants, empty optional fields are left out. */
export function contactBody(draft: ContactDraft) {
  return {
    kind: draft.kind as 'home_visit' | 'phone_call' | 'office_visit' | 'group_activity',
    occurredAt: new Date(draft.occurredAt).toISOString(),
    contactMade: draft.contactMade,
    summary: draft.summary,
    ...(draft.durationMinutes.trim() !== '' ? { durationMinutes: Number(draft.durationMinutes) } : {}),
    ...(draft.actionsAgreed.trim() !== '' ? { actionsAgreed: draft.actionsAgreed } : {}),
    ...(draft.nextFollowUpAt ? { nextFollowUpAt: new Date(draft.nextFollowUpAt).toISOString() } : {}),
  };
}
