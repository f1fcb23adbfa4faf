import type { Timestamp } from '../case/family-row';

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

/** A member of `family_members m` as JSON, for reads that aggregate members into a family. */
export const MEMBER_JSON = `json_build_object('id', m.id, 'familyId', m.family_id, 'fullName', m.full_name,
  'otherNames', m.other_names, 'sex', m.sex, 'birthDate', m.birth_date, 'birthYear', m.birth_year,
  'relationship', m.relationship, 'isContactPerson', m.is_contact_person, 'phone', m.phone, 'version', m.version,
  'createdAt', m.created_at, 'updatedAt', m.updated_at)`;
