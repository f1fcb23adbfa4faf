import type { Timestamp } from '../case/family-row';
import type { MissingPersonStatus } from '../domain/missing-person-status';
import type { ExternalReference } from '../entities';

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

/** A person of `missing_persons p` as JSON, for reads that aggregate them into a family. */
export const MISSING_PERSON_JSON = `json_build_object('id', p.id, 'fullName', p.full_name, 'otherNames', p.other_names,
  'sex', p.sex, 'birthDate', p.birth_date, 'disappearedOn', p.disappeared_on,
  'disappearancePlace', p.disappearance_place, 'circumstances', p.circumstances,
  'externalReferences', p.external_references, 'status', p.status, 'version', p.version,
  'createdAt', p.created_at, 'updatedAt', p.updated_at)`;
