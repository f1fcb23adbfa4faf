/** Domain events families publishes; other libs react without families importing them. */
export const FamilyEvents = {
  Reassigned: 'family.reassigned',
  Closed: 'family.closed',
  /** closed → active: the case takes work again (reminders plans its first follow-up). */
  Reopened: 'family.reopened',
  /** Its accompanier left the team (or their post): the family waits unassigned for a supervisor. */
  Released: 'family.released',
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

export interface FamilyReleasedEvent {
  familyId: string;
  teamId: string;
  fromAccompanierId: string;
  /** The admin whose change of the accompanier's post released the family. */
  actorId: string | null;
}
