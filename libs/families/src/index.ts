export { FamilyVisibility } from './access/family-visibility';
export type { FamilyScope, SqlPredicate } from './access/family-scope';
export {
  FamilyView,
  FamilyVisibilityRuleProvider,
  type FamilyVisibilityRule,
  type SqlParams,
  type VisibilityGrant,
} from './access/visibility-rule';
export { ReducedFamilyDto } from './dto/reduced-family.dto';
export { ClosureReason, FAMILY_TRANSITIONS, FamilyStatus, takesWork } from './domain/family-status';
export { MISSING_PERSON_TRANSITIONS, MissingPersonStatus } from './domain/missing-person-status';
export { CreateFamilyDto } from './dto/family.dto';
export { Relationship, Sex } from './dto/member.dto';
export { normalizeName } from './domain/name-search';
export { FAMILIES_ENTITIES, FamilyEntity, FamilyMemberEntity, MissingPersonEntity } from './entities';
export { FamiliesModule } from './families.module';
export {
  FamilyEvents,
  type FamilyClosedEvent,
  type FamilyReassignedEvent,
  type FamilyReleasedEvent,
  type FamilyReopenedEvent,
} from './families.events';
export { FamiliesService } from './families/families.service';
export { FAMILY_DETAIL_SELECT } from './families/family-sql';
export { toFamilyDto } from './families/family.mapper';
export type { FamilyDetailRow } from './families/family-rows';
export { FamiliesReadModule } from './families-read.module';
export { FamilyDirectory, type AssignedFamily } from './families/family-directory';
