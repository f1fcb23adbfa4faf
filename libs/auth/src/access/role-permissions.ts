import { Permission as P } from './permission.enum';
import { Role } from './role.enum';

/** The single role → permission table (domain.md § Roles). */
export const ROLE_PERMISSIONS: Readonly<Record<Role, ReadonlySet<P>>> = {
  [Role.Admin]: new Set([
    P.SelfRead,
    P.UserManage,
    P.TeamManage,
    P.TeamRead,
    P.ReportReadAll,
    P.AuditReadAll,
    P.QueueDashboard,
  ]),
  [Role.Supervisor]: new Set([
    P.SelfRead,
    P.UserReadTeam,
    P.TeamRead,
    P.FamilyCreate,
    P.FamilyRead,
    P.FamilyUpdate,
    P.FamilyAssign,
    P.FamilyClose,
    P.FamilyExport,
    P.MissingPersonStatusChange,
    P.ContactRead,
    P.ReferralCreate,
    P.ReferralRead,
    P.ReferralConsentOverride,
    P.PsychosocialSessionRead,
    P.ExhumationManage,
    P.ExhumationRead,
    P.ReminderReadOwn,
    P.ReminderReadTeam,
    P.ReportReadTeam,
    P.AuditReadTeam,
  ]),
  [Role.Accompanier]: new Set([
    P.SelfRead,
    P.UserReadDirectory,
    P.TeamRead,
    P.FamilyCreate,
    P.FamilyRead,
    P.FamilyUpdate,
    P.MissingPersonStatusChange,
    P.ContactCreate,
    P.ContactRead,
    P.ReferralCreate,
    P.ReferralRead,
    P.ExhumationRead,
    P.ReminderReadOwn,
    P.ReportReadOwn,
  ]),
  [Role.Psychologist]: new Set([
    P.SelfRead,
    P.UserReadDirectory,
    P.TeamRead,
    P.FamilyRead,
    P.ContactRead,
    P.ReferralRead,
    P.ReferralRespond,
    P.PsychosocialSessionCreate,
    P.PsychosocialSessionRead,
    P.PsychosocialNoteRead,
    P.PsychosocialNoteWrite,
    P.ReminderReadOwn,
    P.ReportReadOwn,
  ]),
};

export function hasPermission(role: Role, permission: P): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}

/** Any of the given permissions; routes whose roles see different views of one resource use this. */
export function hasAnyPermission(role: Role, permissions: readonly P[]): boolean {
  return permissions.some((permission) => hasPermission(role, permission));
}
