import type { AuditActor } from '@accompany/audit';
import type { Role } from './role.enum';

/** The signed-in caller, as the guard resolved it from the access token and its session. */
export interface AuthUser {
  id: string;
  sessionId: string;
  email: string;
  fullName: string;
  role: Role;
  teamId: string | null;
  /** Where this request came from, for the audit log. */
  requestId: string;
  ip: string;
}

export function auditActorOf(user: AuthUser): AuditActor {
  return { userId: user.id, role: user.role, teamId: user.teamId, requestId: user.requestId, ip: user.ip };
}
