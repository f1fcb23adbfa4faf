export { FamilyVisibility, type FamilyVisibilityRule, type SqlPredicate } from './access/family-visibility';
export { ClosureReason, FamilyStatus } from './domain/family-status';
export { MissingPersonStatus } from './domain/missing-person-status';
export { normalizeName } from './domain/name-search';
export { FAMILIES_ENTITIES, FamilyEntity, FamilyMemberEntity, MissingPersonEntity } from './entities';
export { FamiliesModule } from './families.module';
export { FamilyEvents, type FamilyClosedEvent, type FamilyReassignedEvent } from './families.events';
export { FamiliesService } from './families/families.service';
export { FAMILY_DETAIL_SELECT } from './families/family-sql';
