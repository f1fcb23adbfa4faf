/** Every action the audit log knows, as `entity.verb` strings. */
export enum AuditAction {
  LoginSucceeded = 'auth.login',
  LoginFailed = 'auth.login_failed',
  AccountLocked = 'auth.locked',
  RefreshReused = 'auth.refresh_reused',
  Logout = 'auth.logout',
  PasswordChanged = 'auth.password_changed',
  UserCreated = 'user.created',
  UserUpdated = 'user.updated',
  UserRoleChanged = 'user.role_changed',
  UserDeactivated = 'user.deactivated',
  UserPasswordReset = 'user.password_reset',
  TeamCreated = 'team.created',
  TeamUpdated = 'team.updated',
}
