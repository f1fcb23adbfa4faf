import type { AuditActor } from '@accompany/audit';
import type { Role } from '../access/role.enum';

/** Domain events the users lib publishes; libs that hold a user's work react, auth knows none of them. */
export const UserEvents = {
  /**
   * A user gave up their post in a team: moved to another team, deactivated, or given another
   * role. Published inside the transaction of the change, so what others release commits with it.
   */
  LeftTeam: 'user.left-team',
} as const;

export type LeftTeamReason = 'team_changed' | 'role_changed' | 'deactivated';

export interface UserLeftTeamEvent {
  userId: string;
  /** The team they left, and the role they held there. */
  teamId: string;
  role: Role;
  reason: LeftTeamReason;
  /** The admin who made the change, for the audit of what is released. */
  actor: AuditActor;
}
