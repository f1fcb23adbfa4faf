import { toIso } from '../case/family-row';
import type { MissingPersonDto } from '../dto/missing-person.dto';
import type { MissingPersonRow } from './missing-person-row';

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
    createdAt: toIso(p.createdAt),
    updatedAt: toIso(p.updatedAt),
  };
}
