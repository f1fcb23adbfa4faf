import { Module } from '@nestjs/common';
import { FamilyDirectory } from './families/family-directory';

/** Read-only family questions for background work (no controllers, no HTTP dependencies). */
@Module({
  providers: [FamilyDirectory],
  exports: [FamilyDirectory],
})
export class FamiliesReadModule {}
