import type { FamilyRow } from '../case/family-row';
import type { MemberRow } from '../members/member-row';
import type { MissingPersonRow } from '../missing-persons/missing-person-row';

export interface FamilyDetailRow extends FamilyRow {
  /** Present (false) only when the family is seen through a reduced grant alone. */
  fullView?: boolean;
  members: MemberRow[];
  missingPersons: MissingPersonRow[];
}

export interface FamilySummaryRow extends FamilyRow {
  /** created_at to the microsecond, for the keyset cursor. */
  cursorAt: string;
  memberCount: number;
  missingPersons: Array<{ id: string; fullName: string; status: string }>;
}
