import { toIso } from '../case/family-row';
import type { MemberDto } from '../dto/member.dto';
import type { MemberRow } from './member-row';

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
    createdAt: toIso(m.createdAt),
    updatedAt: toIso(m.updatedAt),
  };
}
