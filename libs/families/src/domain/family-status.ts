export enum FamilyStatus {
  Open = 'open',
  Active = 'active',
  OnHold = 'on_hold',
  Closed = 'closed',
}

/** Whether new work (reminders, follow-ups) may be planned for a family in this status; null: gone. */
export function takesWork(status: FamilyStatus | null): boolean {
  return status !== null && status !== FamilyStatus.Closed;
}

export enum ClosureReason {
  IdentifiedAndAccompanied = 'identified_and_accompanied',
  FoundAlive = 'found_alive',
  FamilyRequest = 'family_request',
  MovedAway = 'moved_away',
  LostContact = 'lost_contact',
  Other = 'other',
}

/** domain.md § Status rules: every other move is refused (422). */
export const FAMILY_TRANSITIONS: Readonly<Record<FamilyStatus, readonly FamilyStatus[]>> = {
  [FamilyStatus.Open]: [FamilyStatus.Active, FamilyStatus.OnHold, FamilyStatus.Closed],
  [FamilyStatus.Active]: [FamilyStatus.OnHold, FamilyStatus.Closed],
  [FamilyStatus.OnHold]: [FamilyStatus.Active, FamilyStatus.Closed],
  [FamilyStatus.Closed]: [FamilyStatus.Active],
};

export function canMoveFamily(from: FamilyStatus, to: FamilyStatus): boolean {
  return FAMILY_TRANSITIONS[from].includes(to);
}

/** Closing and reopening belong to supervisors; accompaniers move between open, active and on hold. */
export function isSupervisorOnlyMove(from: FamilyStatus, to: FamilyStatus): boolean {
  return to === FamilyStatus.Closed || from === FamilyStatus.Closed;
}
