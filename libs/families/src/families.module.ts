import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@accompany/auth';
import { FamilyVisibility } from './access/family-visibility';
import { CaseAccess } from './case/case-access';
import { CaseRepository } from './case/case.repository';
import { FAMILIES_ENTITIES } from './entities';
import { AssignmentsReleaseListener } from './families/assignments-release.listener';
import { FamiliesController } from './families/families.controller';
import { FamiliesRepository } from './families/families.repository';
import { FamiliesService } from './families/families.service';
import { MembersController } from './members/members.controller';
import { MembersRepository } from './members/members.repository';
import { MembersService } from './members/members.service';
import { MissingPersonsController } from './missing-persons/missing-persons.controller';
import { MissingPersonsRepository } from './missing-persons/missing-persons.repository';
import { MissingPersonsService } from './missing-persons/missing-persons.service';

/** Families, members and missing persons, and the rule of who may see them. */
@Module({
  imports: [TypeOrmModule.forFeature(FAMILIES_ENTITIES), AuthModule, DiscoveryModule],
  controllers: [FamiliesController, MembersController, MissingPersonsController],
  providers: [
    FamilyVisibility,
    CaseRepository,
    CaseAccess,
    FamiliesRepository,
    FamiliesService,
    AssignmentsReleaseListener,
    MembersRepository,
    MembersService,
    MissingPersonsRepository,
    MissingPersonsService,
  ],
  exports: [FamiliesService, FamilyVisibility],
})
export class FamiliesModule {}
