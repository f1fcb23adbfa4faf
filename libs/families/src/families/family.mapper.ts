import { CONSENT_PURPOSES, type ConsentState } from '../domain/consent';
import type { ConsentDto, FamilyDto, FamilySummaryDto } from '../dto/family.dto';
import { FamilyView } from '../access/visibility-rule';
import { toIso as iso } from '../case/family-row';
import type { ReducedFamilyDto } from '../dto/reduced-family.dto';
import { toMemberDto } from '../members/member.mapper';
import { toMissingPersonDto } from '../missing-persons/missing-person.mapper';
import type { FamilyDetailRow, FamilySummaryRow } from './family-rows';

function toConsentDto(consent: ConsentState): ConsentDto {
  const dto = {} as ConsentDto;
  for (const purpose of CONSENT_PURPOSES) dto[purpose] = consent[purpose] ?? null;
  return dto;
}

/** The family as the caller may see it: whole, or the reduced view of docs/domain.md. */
export function toVisibleFamilyDto(f: FamilyDetailRow): FamilyDto | ReducedFamilyDto {
  if (f.fullView !== false) return toFamilyDto(f);
  return {
    view: FamilyView.Reduced,
    id: f.id,
    reference: f.reference,
    teamId: f.teamId,
    status: f.status,
    preferredLanguage: f.preferredLanguage,
    members: f.members.map(toMemberDto),
    missingPersons: f.missingPersons.map((p) => ({ id: p.id, fullName: p.fullName, status: p.status })),
    version: f.version,
    createdAt: iso(f.createdAt),
    updatedAt: iso(f.updatedAt),
  };
}

export function toFamilyDto(f: FamilyDetailRow): FamilyDto {
  return {
    view: FamilyView.Full,
    id: f.id,
    reference: f.reference,
    teamId: f.teamId,
    assignedAccompanierId: f.assignedAccompanierId,
    status: f.status,
    closureReason: f.closureReason,
    closureNote: f.closureNote,
    closedAt: f.closedAt ? iso(f.closedAt) : null,
    preferredLanguage: f.preferredLanguage,
    address: f.address,
    consent: toConsentDto(f.consent),
    members: f.members.map(toMemberDto),
    missingPersons: f.missingPersons.map(toMissingPersonDto),
    version: f.version,
    createdBy: f.createdBy,
    createdAt: iso(f.createdAt),
    updatedAt: iso(f.updatedAt),
  };
}

export function toFamilySummaryDto(f: FamilySummaryRow): FamilySummaryDto {
  return {
    id: f.id,
    reference: f.reference,
    teamId: f.teamId,
    assignedAccompanierId: f.assignedAccompanierId,
    status: f.status,
    preferredLanguage: f.preferredLanguage,
    missingPersons: f.missingPersons,
    memberCount: f.memberCount,
    version: f.version,
    createdAt: iso(f.createdAt),
    updatedAt: iso(f.updatedAt),
  };
}
