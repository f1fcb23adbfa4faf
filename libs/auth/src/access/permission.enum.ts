/**
 * What a role may ever do, as `resource.action`. Object-level rules (which family, which
 * beneficiary) live in the lib that owns the records; these only say whether a role may
 * use an endpoint at all (otherwise 403).
 */
export enum Permission {
  // users and teams
  UserManage = 'user.manage',
  UserReadTeam = 'user.read-team',
  UserReadDirectory = 'user.read-directory',
  TeamManage = 'team.manage',
  TeamRead = 'team.read',
  // families, members, missing persons
  FamilyCreate = 'family.create',
  FamilyRead = 'family.read',
  FamilyUpdate = 'family.update',
  FamilyAssign = 'family.assign',
  FamilyClose = 'family.close',
  /** Not used by a route yet: the supervision issue (exports of a family's file). */
  FamilyExport = 'family.export',
  MissingPersonStatusChange = 'missing-person.status-change',
  // contacts
  ContactCreate = 'contact.create',
  ContactRead = 'contact.read',
  // referrals and sessions
  /** Not used by a route yet: the psychosocial module (accompaniers and supervisors refer a member). */
  ReferralCreate = 'referral.create',
  /** Not used by a route yet: the psychosocial module (referral status for accompaniers and supervisors). */
  ReferralRead = 'referral.read',
  ReferralConsentOverride = 'referral.consent-override',
  ReferralRespond = 'referral.respond',
  PsychosocialSessionCreate = 'psychosocial-session.create',
  PsychosocialSessionRead = 'psychosocial-session.read',
  PsychosocialNoteRead = 'psychosocial-note.read',
  PsychosocialNoteWrite = 'psychosocial-note.write',
  // exhumations
  ExhumationManage = 'exhumation.manage',
  ExhumationRead = 'exhumation.read',
  // reminders
  ReminderReadOwn = 'reminder.read-own',
  ReminderReadTeam = 'reminder.read-team',
  // reports and audit
  ReportReadAll = 'report.read-all',
  /** Not used by a route yet: the supervision issue (team dashboards and highlights). */
  ReportReadTeam = 'report.read-team',
  /** Not used by a route yet: the supervision issue (own figures). */
  ReportReadOwn = 'report.read-own',
  AuditReadAll = 'audit.read-all',
  AuditReadTeam = 'audit.read-team',
  // operations
  QueueDashboard = 'queue.dashboard',
  // every signed-in user
  SelfRead = 'self.read',
}
