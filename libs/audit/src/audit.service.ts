import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@accompany/persistence';
import type { AuditAction } from './audit-action.enum';

/** Who acted and from where; `null` actor for anonymous attempts such as a failed login. */
export interface AuditActor {
  userId: string | null;
  role: string | null;
  teamId: string | null;
  requestId: string | null;
  ip: string | null;
}

/**
 * An action as `entity.verb`. The platform's actions are in AuditAction; a domain lib declares
 * its own beside its code (e.g. `referral.created`), so adding a module does not edit this lib.
 */
export type AuditActionName = AuditAction | `${string}.${string}`;

export interface AuditRecord {
  action: AuditActionName;
  entityType: string;
  entityId?: string | null;
  familyId?: string | null;
  /** Names of the fields that changed; values never enter the audit log. */
  changedFields?: string[];
  /** The team the record belongs to, when it differs from the actor's. */
  teamId?: string | null;
}

/** One constant statement (it runs on every audited read, so no query building per call). */
export const AUDIT_INSERT_SQL =
  'INSERT INTO audit_events (actor_id, actor_role, team_id, action, entity_type, entity_id, family_id, request_id, ip, changed_fields) ' +
  'VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)';

/**
 * Appends audit events inside the caller's transaction (TransactionRunner), so an event
 * exists exactly when the change it describes was committed.
 */
@Injectable()
export class AuditService {
  constructor(private readonly tx: TransactionRunner) {}

  async record(actor: AuditActor, event: AuditRecord): Promise<void> {
    await this.tx
      .manager()
      .query(AUDIT_INSERT_SQL, [
        actor.userId,
        actor.role,
        event.teamId !== undefined ? event.teamId : actor.teamId,
        event.action,
        event.entityType,
        event.entityId ?? null,
        event.familyId ?? null,
        actor.requestId,
        actor.ip,
        event.changedFields ?? [],
      ]);
  }
}
