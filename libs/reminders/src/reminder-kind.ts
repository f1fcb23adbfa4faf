export enum ReminderKind {
  FollowUpContact = 'follow_up_contact',
  ContactRetry = 'contact_retry',
  Inactivity = 'inactivity',
  ReferralPending = 'referral_pending',
  FamilyNotification = 'family_notification',
  IdentificationSupport = 'identification_support',
  /** The family's accompanier left the team: a supervisor assigns it to someone else. */
  ReassignFamily = 'reassign_family',
}

export enum ReminderStatus {
  Scheduled = 'scheduled',
  Due = 'due',
  Done = 'done',
  Escalated = 'escalated',
  Cancelled = 'cancelled',
}

/** Statuses in which a reminder still asks for work. */
export const OPEN_STATUSES: readonly ReminderStatus[] = [
  ReminderStatus.Scheduled,
  ReminderStatus.Due,
  ReminderStatus.Escalated,
];
