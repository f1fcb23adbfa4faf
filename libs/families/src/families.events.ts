/** Domain events families publishes; other libs react without families importing them. */
export const FamilyEvents = {
  Reassigned: 'family.reassigned',
  Closed: 'family.closed',
  /** closed → active: the case takes work again (reminders plans its first follow-up). */
  Reopened: 'family.reopened',
} as const;

export interface FamilyReassignedEvent {
  familyId: string;
  teamId: string;
  fromAccompanierId: string | null;
  toAccompanierId: string | null;
  actorId: string;
}

export interface FamilyClosedEvent {
  familyId: string;
  teamId: string;
  actorId: string;
}

export interface FamilyReopenedEvent {
  familyId: string;
  teamId: string;
  /** After any reassignment made in the same request. */
  assignedAccompanierId: string | null;
  actorId: string;
}
