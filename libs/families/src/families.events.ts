/** Domain events families publishes; other libs react without families importing them. */
export const FamilyEvents = {
  Reassigned: 'family.reassigned',
  Closed: 'family.closed',
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
