import type { ConsentState } from '../domain/consent';
import type { ClosureReason, FamilyStatus } from '../domain/family-status';
import type { MissingPersonStatus } from '../domain/missing-person-status';
import type { ExternalReference } from '../entities';

/** Timestamps arrive as Date from columns and as strings from json_agg. */
type Timestamp = Date | string;

export interface MemberRow {
  id: string;
  familyId: string;
  fullName: string;
  otherNames: string[];
  sex: string;
  birthDate: string | null;
  birthYear: number | null;
  relationship: string;
  isContactPerson: boolean;
  phone: string | null;
  version: number;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface MissingPersonRow {
  id: string;
  fullName: string;
  otherNames: string[];
  sex: string;
  birthDate: string | null;
  disappearedOn: string | null;
  disappearancePlace: string | null;
  circumstances: string | null;
  externalReferences: ExternalReference[];
  status: MissingPersonStatus;
  version: number;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface FamilyRow {
  id: string;
  reference: string;
  teamId: string;
  assignedAccompanierId: string | null;
  status: FamilyStatus;
  closureReason: ClosureReason | null;
  closureNote: string | null;
  closedAt: Timestamp | null;
  preferredLanguage: string | null;
  address: string | null;
  consent: ConsentState;
  version: number;
  createdBy: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface FamilyDetailRow extends FamilyRow {
  members: MemberRow[];
  missingPersons: MissingPersonRow[];
}

export interface FamilySummaryRow extends FamilyRow {
  /** created_at to the microsecond, for the keyset cursor. */
  cursorAt: string;
  memberCount: number;
  missingPersons: Array<{ id: string; fullName: string; status: string }>;
}
