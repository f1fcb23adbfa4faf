/**
 * The platform's audit actions (accounts, families, contacts, reminders) as `entity.verb`.
 * Libs added later declare their own beside their code (see AuditActionName).
 */
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
  FamilyCreated = 'family.created',
  FamilyRead = 'family.read',
  FamilyUpdated = 'family.updated',
  FamilyStatusChanged = 'family.status_changed',
  MemberCreated = 'member.created',
  MemberUpdated = 'member.updated',
  MissingPersonCreated = 'missing_person.created',
  MissingPersonRead = 'missing_person.read',
  MissingPersonUpdated = 'missing_person.updated',
  MissingPersonStatusChanged = 'missing_person.status_changed',
  ContactCreated = 'contact.created',
  ContactUpdated = 'contact.updated',
  ContactCorrected = 'contact.corrected',
  ReminderUpdated = 'reminder.updated',
}
