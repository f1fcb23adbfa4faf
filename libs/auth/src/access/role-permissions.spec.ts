import { Permission } from './permission.enum';
import { hasAnyPermission, hasPermission, ROLE_PERMISSIONS } from './role-permissions';
import { Role, ROLES } from './role.enum';

const EVERY_ROLE = [Role.Admin, Role.Supervisor, Role.Accompanier, Role.Psychologist];

/**
 * The need-to-know matrix of domain.md § Roles, row by row: every Permission once, so a new
 * permission fails the suite until its row states who holds it.
 */
const EXPECTED: Array<[Permission, Role[]]> = [
  [Permission.UserManage, [Role.Admin]],
  [Permission.UserReadTeam, [Role.Supervisor]],
  [Permission.UserReadDirectory, [Role.Accompanier, Role.Psychologist]],
  [Permission.TeamManage, [Role.Admin]],
  [Permission.TeamRead, EVERY_ROLE],
  [Permission.FamilyCreate, [Role.Supervisor, Role.Accompanier]],
  [Permission.FamilyRead, [Role.Supervisor, Role.Accompanier, Role.Psychologist]],
  [Permission.FamilyUpdate, [Role.Supervisor, Role.Accompanier]],
  [Permission.FamilyAssign, [Role.Supervisor]],
  [Permission.FamilyClose, [Role.Supervisor]],
  [Permission.FamilyExport, [Role.Supervisor]],
  [Permission.MissingPersonStatusChange, [Role.Supervisor, Role.Accompanier]],
  [Permission.ContactCreate, [Role.Accompanier]],
  [Permission.ContactRead, [Role.Supervisor, Role.Accompanier, Role.Psychologist]],
  [Permission.ReferralCreate, [Role.Supervisor, Role.Accompanier]],
  [Permission.ReferralRead, [Role.Supervisor, Role.Accompanier, Role.Psychologist]],
  [Permission.ReferralConsentOverride, [Role.Supervisor]],
  [Permission.ReferralRespond, [Role.Psychologist]],
  [Permission.PsychosocialSessionCreate, [Role.Psychologist]],
  [Permission.PsychosocialSessionRead, [Role.Supervisor, Role.Psychologist]],
  [Permission.PsychosocialNoteRead, [Role.Psychologist]],
  [Permission.PsychosocialNoteWrite, [Role.Psychologist]],
  [Permission.ExhumationManage, [Role.Supervisor]],
  [Permission.ExhumationRead, [Role.Supervisor, Role.Accompanier]],
  [Permission.ReminderReadOwn, [Role.Supervisor, Role.Accompanier, Role.Psychologist]],
  [Permission.ReminderReadTeam, [Role.Supervisor]],
  [Permission.ReportReadAll, [Role.Admin]],
  [Permission.ReportReadTeam, [Role.Supervisor]],
  [Permission.ReportReadOwn, [Role.Accompanier, Role.Psychologist]],
  [Permission.AuditReadAll, [Role.Admin]],
  [Permission.AuditReadTeam, [Role.Supervisor]],
  [Permission.QueueDashboard, [Role.Admin]],
  [Permission.SelfRead, EVERY_ROLE],
];

describe('role → permission table', () => {
  it('should state every permission exactly once, so none escapes review', () => {
    const stated = EXPECTED.map(([permission]) => permission);
    expect(new Set(stated).size).toBe(stated.length);
    expect([...stated].sort()).toEqual(Object.values(Permission).sort());
    expect([...EVERY_ROLE].sort()).toEqual([...ROLES].sort());
  });

  it.each(EXPECTED)('should grant %s to exactly the expected roles', (permission, roles) => {
    const granted = ROLES.filter((role) => hasPermission(role, permission));
    expect(granted.sort()).toEqual([...roles].sort());
  });

  it('should keep admins away from case data', () => {
    const caseData = Object.values(Permission).filter((p) =>
      /^(family|contact|referral|psychosocial|missing-person|exhumation|reminder)/.test(p),
    );
    expect(caseData.length).toBeGreaterThan(10);
    for (const permission of caseData) expect(hasPermission(Role.Admin, permission)).toBe(false);
  });

  it('should let every role read itself', () => {
    for (const role of ROLES) expect(hasPermission(role, Permission.SelfRead)).toBe(true);
  });

  it('should only grant permissions that exist', () => {
    const known = new Set(Object.values(Permission));
    for (const role of ROLES) {
      for (const permission of ROLE_PERMISSIONS[role]) expect(known.has(permission)).toBe(true);
    }
  });

  it('should accept any one of several permissions', () => {
    expect(hasAnyPermission(Role.Psychologist, [Permission.UserManage, Permission.UserReadDirectory])).toBe(
      true,
    );
    expect(hasAnyPermission(Role.Psychologist, [Permission.UserManage, Permission.UserReadTeam])).toBe(false);
  });
});
