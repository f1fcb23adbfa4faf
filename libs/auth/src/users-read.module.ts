import { Module } from '@nestjs/common';
import { UserDirectory } from './users/user-directory';

/** Read-only user questions for background work (no controllers, no HTTP dependencies). */
@Module({
  providers: [UserDirectory],
  exports: [UserDirectory],
})
export class UsersReadModule {}
