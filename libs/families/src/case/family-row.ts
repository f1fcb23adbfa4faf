import type { ConsentState } from '../domain/consent';
import type { ClosureReason, FamilyStatus } from '../domain/family-status';

/** Timestamps arrive as Date from columns and as strings from json_agg. */
export type Timestamp = Date | string;

export const toIso = (value: Timestamp): string => new Date(value).toISOString();

/** The family row itself: the case that members, missing persons and other libs' records hang from. */
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

/** Its columns over the families table aliased `f`, shared by every read of a family row. */
export const FAMILY_COLUMNS = `f.id, f.reference, f.team_id AS "teamId", f.assigned_accompanier_id AS "assignedAccompanierId",
  f.status, f.closure_reason AS "closureReason", f.closure_note AS "closureNote", f.closed_at AS "closedAt",
  f.preferred_language AS "preferredLanguage", f.address, f.consent, f.version, f.created_by AS "createdBy",
  f.created_at AS "createdAt", f.updated_at AS "updatedAt"`;
