import { CONSENT_PURPOSES, type ConsentState } from '../domain/consent';
import type { ConsentDto, FamilyDto, FamilySummaryDto } from '../dto/family.dto';
import { toIso as iso } from '../case/family-row';
import { toMemberDto } from '../members/member.mapper';
import { toMissingPersonDto } from '../missing-persons/missing-person.mapper';
import type { FamilyDetailRow, FamilySummaryRow } from './family-rows';

function toConsentDto(consent: ConsentState): ConsentDto {
  const dto = {} as ConsentDto;
  for (const purpose of CONSENT_PURPOSES) dto[purpose] = consent[purpose] ?? null;
  return dto;
}

export function toFamilyDto(f: FamilyDetailRow): FamilyDto {
  return {
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
