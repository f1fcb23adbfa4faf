import { Role } from '../access/role.enum';
import type { UpdateUserDto } from '../dto/user.dto';
import type { UserEntity } from '../entities';
import type { SessionEndReason } from '../sessions/sessions.service';
import type { LeftTeamReason } from './users.events';
import type { UserChanges } from './users.repository';
import { adminHasNoTeam, ownRoleChange, teamRequired } from './users.errors';

export interface UserUpdatePlan {
  changes: UserChanges;
  changedFields: string[];
  /** The strongest reason the user's sessions must end, or null when they may go on. */
  endSessionsBecause: SessionEndReason | null;
  /**
   * The post the user gives up (their team until now, the role they held in it), or null when
   * they keep it. Their open work in that team is then released to its supervisors.
   */
  leavesTeam: { teamId: string; role: Role; reason: LeftTeamReason } | null;
}

/**
 * Works out what an admin's PATCH changes and whether it ends the user's sessions.
 * Pure, so the rules (no own role change, admins have no team, others need one) are
 * unit-tested without a database.
 */
export function planUserUpdate(actorId: string, current: UserEntity, dto: UpdateUserDto): UserUpdatePlan {
  const isSelf = actorId === current.id;
  const role = dto.role ?? current.role;
  const roleChanged = role !== current.role;
  if (
    isSelf &&
    (roleChanged || dto.active === false || (dto.teamId !== undefined && dto.teamId !== current.teamId))
  ) {
    throw ownRoleChange();
  }
  if (role === Role.Admin && dto.teamId !== undefined) throw adminHasNoTeam();
  const teamId = role === Role.Admin ? null : (dto.teamId ?? current.teamId);
  if (role !== Role.Admin && teamId === null) throw teamRequired();

  const changes: UserChanges = {};
  const changedFields: string[] = [];
  const set = <K extends keyof UserChanges>(field: K, value: UserChanges[K], before: unknown): void => {
    if (value !== undefined && value !== before) {
      changes[field] = value;
      changedFields.push(field);
    }
  };
  set('fullName', dto.fullName, current.fullName);
  set('role', role, current.role);
  set('teamId', teamId, current.teamId);
  set('active', dto.active, current.active);
  if (dto.password !== undefined) {
    changedFields.push('password');
    changes.passwordChangedAt = new Date();
  }

  let endSessionsBecause: SessionEndReason | null = null;
  if (dto.password !== undefined) endSessionsBecause = 'password_reset';
  if ('teamId' in changes) endSessionsBecause = 'team_changed';
  if (roleChanged) endSessionsBecause = 'role_changed';
  if (changes.active === false) endSessionsBecause = 'deactivated';
  return { changes, changedFields, endSessionsBecause, leavesTeam: leftPost(current, changes, roleChanged) };
}

/** A deactivation, a team change or a role change each end the user's post in their team. */
function leftPost(
  current: UserEntity,
  changes: UserChanges,
  roleChanged: boolean,
): UserUpdatePlan['leavesTeam'] {
  if (current.teamId === null) return null;
  const reason: LeftTeamReason | null =
    changes.active === false
      ? 'deactivated'
      : 'teamId' in changes
        ? 'team_changed'
        : roleChanged
          ? 'role_changed'
          : null;
  return reason ? { teamId: current.teamId, role: current.role, reason } : null;
}
