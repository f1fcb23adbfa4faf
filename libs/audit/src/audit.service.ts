import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@accompany/persistence';
import type { AuditAction } from './audit-action.enum';
import { AuditEventEntity } from './entities/audit-event.entity';

/** Who acted and from where; `null` actor for anonymous attempts such as a failed login. */
export interface AuditActor {
  userId: string | null;
  role: string | null;
  teamId: string | null;
  requestId: string | null;
  ip: string | null;
}

export interface AuditRecord {
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  familyId?: string | null;
  /** Names of the fields that changed; values never enter the audit log. */
  changedFields?: string[];
  /** The team the record belongs to, when it differs from the actor's. */
  teamId?: string | null;
}

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
      .createQueryBuilder()
      .insert()
      .into(AuditEventEntity)
      .values({
        actorId: actor.userId,
        actorRole: actor.role,
        teamId: event.teamId !== undefined ? event.teamId : actor.teamId,
        action: event.action,
        entityType: event.entityType,
        entityId: event.entityId ?? null,
        familyId: event.familyId ?? null,
        requestId: actor.requestId,
        ip: actor.ip,
        changedFields: event.changedFields ?? [],
      })
      .execute();
  }
}
