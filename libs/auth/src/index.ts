export { auditActorOf, type AuthUser } from './access/auth-user';
export {
  Authenticated,
  BEARER_SCHEME,
  CurrentUser,
  IS_PUBLIC,
  Public,
  REQUIRED_PERMISSIONS,
} from './access/decorators';
export { Permission } from './access/permission.enum';
export { hasPermission, ROLE_PERMISSIONS } from './access/role-permissions';
export { Role } from './access/role.enum';
export { AuthModule } from './auth.module';
export { AUTH_ENTITIES, TeamEntity, UserEntity } from './entities';
export { PasswordHasher } from './login/password-hasher';
export { TeamsService } from './teams/teams.service';
export { BootstrapAdminService } from './users/bootstrap-admin.service';
export { UsersService } from './users/users.service';
export { UserEvents, type UserLeftTeamEvent } from './users/users.events';
export { UsersReadModule } from './users-read.module';
export { UserDirectory } from './users/user-directory';
export { SessionsService } from './sessions/sessions.service';
