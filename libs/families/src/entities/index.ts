import { FamilyMemberEntity } from './family-member.entity';
import { FamilyMissingPersonEntity } from './family-missing-person.entity';
import { FamilyReferenceCounterEntity } from './family-reference-counter.entity';
import { FamilyEntity } from './family.entity';
import { MissingPersonStatusChangeEntity } from './missing-person-status-change.entity';
import { MissingPersonEntity } from './missing-person.entity';

export {
  FamilyEntity,
  FamilyMemberEntity,
  FamilyMissingPersonEntity,
  MissingPersonEntity,
  MissingPersonStatusChangeEntity,
};
export type { ExternalReference } from './missing-person.entity';

export const FAMILIES_ENTITIES = [
  FamilyEntity,
  FamilyMemberEntity,
  MissingPersonEntity,
  FamilyMissingPersonEntity,
  MissingPersonStatusChangeEntity,
  FamilyReferenceCounterEntity,
];
