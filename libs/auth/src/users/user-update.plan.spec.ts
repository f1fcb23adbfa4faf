import { Role } from '../access/role.enum';
import type { UserEntity } from '../entities';
import { planUserUpdate } from './user-update.plan';

const TEAM_A = '00000000-0000-4000-8000-00000000000a';
const TEAM_B = '00000000-0000-4000-8000-00000000000b';
const ADMIN_ID = '00000000-0000-4000-8000-000000000001';

function user(overrides: Partial<UserEntity> = {}): UserEntity {
  return {
    id: '00000000-0000-4000-8000-000000000002',
    email: 'a@example.org',
    fullName: 'Aysel',
    passwordHash: 'x',
    role: Role.Accompanier,
    teamId: TEAM_A,
    active: true,
    passwordChangedAt: null,
    version: 1,
    createdAt: new Date(),
    updatedAt: new Date(),
    ...overrides,
  };
}

describe(planUserUpdate.name, () => {
  it('should list only the fields whose value changes and keep sessions for a name change', () => {
    const plan = planUserUpdate(ADMIN_ID, user(), { fullName: 'Aysel Q', role: Role.Accompanier });
    expect(plan.changedFields).toEqual(['fullName']);
    expect(plan.changes).toEqual({ fullName: 'Aysel Q' });
    expect(plan.endSessionsBecause).toBeNull();
  });

  it('should end sessions on a role change, a team change, a reset or a deactivation', () => {
    expect(planUserUpdate(ADMIN_ID, user(), { role: Role.Supervisor }).endSessionsBecause).toBe(
      'role_changed',
    );
    expect(planUserUpdate(ADMIN_ID, user(), { teamId: TEAM_B }).endSessionsBecause).toBe('team_changed');
    expect(planUserUpdate(ADMIN_ID, user(), { password: 'a-new-long-password' }).endSessionsBecause).toBe(
      'password_reset',
    );
    expect(
      planUserUpdate(ADMIN_ID, user(), { active: false, role: Role.Supervisor }).endSessionsBecause,
    ).toBe('deactivated');
  });

  it('should record a password reset by name only', () => {
    const plan = planUserUpdate(ADMIN_ID, user(), { password: 'a-new-long-password' });
    expect(plan.changedFields).toEqual(['password']);
    expect(JSON.stringify(plan.changedFields)).not.toContain('a-new-long-password');
  });

  it('should refuse changing the own role, team or active state', () => {
    const self = user({ id: ADMIN_ID, role: Role.Admin, teamId: null });
    expect(() => planUserUpdate(ADMIN_ID, self, { role: Role.Supervisor, teamId: TEAM_A })).toThrow(
      expect.objectContaining({ code: 'OWN_ROLE_CHANGE' }),
    );
    expect(() => planUserUpdate(ADMIN_ID, self, { active: false })).toThrow(
      expect.objectContaining({ code: 'OWN_ROLE_CHANGE' }),
    );
    expect(planUserUpdate(ADMIN_ID, self, { fullName: 'Root' }).changedFields).toEqual(['fullName']);
  });

  it('should clear the team when promoting to admin and require one when demoting', () => {
    const promoted = planUserUpdate(ADMIN_ID, user(), { role: Role.Admin });
    expect(promoted.changes).toMatchObject({ role: Role.Admin, teamId: null });
    const formerAdmin = user({ role: Role.Admin, teamId: null });
    expect(() => planUserUpdate(ADMIN_ID, formerAdmin, { role: Role.Supervisor })).toThrow(
      expect.objectContaining({ code: 'TEAM_REQUIRED' }),
    );
    expect(() => planUserUpdate(ADMIN_ID, user(), { role: Role.Admin, teamId: TEAM_A })).toThrow(
      expect.objectContaining({ code: 'ADMIN_HAS_NO_TEAM' }),
    );
  });

  it('should name the post the user leaves: their old team and role, and why', () => {
    const left = (dto: Parameters<typeof planUserUpdate>[2], current = user()) =>
      planUserUpdate(ADMIN_ID, current, dto).leavesTeam;
    expect(left({ teamId: TEAM_B })).toEqual({
      teamId: TEAM_A,
      role: Role.Accompanier,
      reason: 'team_changed',
    });
    expect(left({ active: false })).toEqual({
      teamId: TEAM_A,
      role: Role.Accompanier,
      reason: 'deactivated',
    });
    expect(left({ role: Role.Psychologist })).toEqual({
      teamId: TEAM_A,
      role: Role.Accompanier,
      reason: 'role_changed',
    });
    expect(left({ role: Role.Admin })).toEqual({
      teamId: TEAM_A,
      role: Role.Accompanier,
      reason: 'team_changed',
    });
    expect(left({ active: false, teamId: TEAM_B })).toMatchObject({ teamId: TEAM_A, reason: 'deactivated' });
  });

  it('should leave no post for edits that keep it, nor for admins, who have no team', () => {
    const left = (dto: Parameters<typeof planUserUpdate>[2], current = user()) =>
      planUserUpdate(ADMIN_ID, current, dto).leavesTeam;
    expect(left({ fullName: 'Aysel Q', teamId: TEAM_A, role: Role.Accompanier, active: true })).toBeNull();
    expect(left({ password: 'a-new-long-password' })).toBeNull();
    expect(left({ active: true }, user({ active: false }))).toBeNull();
    expect(left({ active: false }, user({ role: Role.Admin, teamId: null }))).toBeNull();
  });
});
