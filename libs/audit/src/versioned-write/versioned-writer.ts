import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@accompany/persistence';
import { PreconditionFailedError } from '@accompany/shared';
import { AuditService, type AuditActor, type AuditRecord } from '../audit.service';

export interface VersionedWrite<Updated> {
  actor: AuditActor;
  /** The version of the row as loaded, and the one the client named (If-Match), if any. */
  currentVersion: number;
  expectedVersion?: number;
  changedFields: readonly string[];
  /** The guarded `UPDATE … WHERE id AND version`; null or false when the row has moved on. */
  update(version: number): Promise<Updated | null | false>;
  /** The audit events of this change, given its changed fields; written in the same transaction. */
  audit(changedFields: string[]): AuditRecord | AuditRecord[];
  /** Further work in the same transaction once the row is updated (events other libs react to). */
  afterUpdate?(updated: Updated): Promise<void>;
}

/**
 * The one way a versioned record changes: a stale If-Match is 412 before anything is written;
 * nothing changed is no write (the caller answers the current state); otherwise the guarded
 * update, its audit events and follow-up work commit together, and a row that moved on
 * meanwhile is 412 with nothing written.
 */
@Injectable()
export class VersionedWriter {
  constructor(
    private readonly audit: AuditService,
    private readonly tx: TransactionRunner,
  ) {}

  /** The updated row, or null when no field changes (nothing was written). */
  async write<Updated>(change: VersionedWrite<Updated>): Promise<Updated | null> {
    if (change.expectedVersion !== undefined && change.expectedVersion !== change.currentVersion) {
      throw new PreconditionFailedError();
    }
    if (change.changedFields.length === 0) return null;
    return this.tx.run(async () => {
      const updated = await change.update(change.expectedVersion ?? change.currentVersion);
      if (updated === null || updated === false) throw new PreconditionFailedError();
      const events = change.audit([...change.changedFields]);
      for (const event of Array.isArray(events) ? events : [events]) {
        await this.audit.record(change.actor, event);
      }
      await change.afterUpdate?.(updated);
      return updated;
    });
  }
}
