import { CONSENT_PURPOSES, type ConsentState } from '../domain/consent';
import type { ConsentDto, FamilyDto, FamilySummaryDto } from '../dto/family.dto';
import type { MemberDto } from '../dto/member.dto';
import type { MissingPersonDto } from '../dto/missing-person.dto';
import type { FamilyDetailRow, FamilySummaryRow, MemberRow, MissingPersonRow } from './family-rows';

const iso = (value: Date | string): string => new Date(value).toISOString();

function toConsentDto(consent: ConsentState): ConsentDto {
  const dto = {} as ConsentDto;
  for (const purpose of CONSENT_PURPOSES) dto[purpose] = consent[purpose] ?? null;
  return dto;
}

export function toMemberDto(m: MemberRow): MemberDto {
  return {
    id: m.id,
    familyId: m.familyId,
    fullName: m.fullName,
    otherNames: m.otherNames,
    sex: m.sex,
    birthDate: m.birthDate,
    birthYear: m.birthYear,
    relationship: m.relationship,
    isContactPerson: m.isContactPerson,
    phone: m.phone,
    version: m.version,
    createdAt: iso(m.createdAt),
    updatedAt: iso(m.updatedAt),
  };
}

export function toMissingPersonDto(p: MissingPersonRow): MissingPersonDto {
  return {
    id: p.id,
    fullName: p.fullName,
    otherNames: p.otherNames,
    sex: p.sex,
    birthDate: p.birthDate,
    disappearedOn: p.disappearedOn,
    disappearancePlace: p.disappearancePlace,
    circumstances: p.circumstances,
    externalReferences: p.externalReferences,
    status: p.status,
    version: p.version,
    createdAt: iso(p.createdAt),
    updatedAt: iso(p.updatedAt),
  };
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
