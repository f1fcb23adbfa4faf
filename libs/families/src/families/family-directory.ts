import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@accompany/persistence';

export interface AssignedFamily {
  familyId: string;
  teamId: string;
  assigneeId: string;
}

/**
 * Read-only questions other libs' background work asks about families, without the HTTP
 * module's dependencies (the worker imports FamiliesReadModule, not FamiliesModule).
 */
@Injectable()
export class FamilyDirectory {
  constructor(private readonly tx: TransactionRunner) {}

  /** Active families with an accompanier, registered before `registeredBefore`, in id order. */
  async activeAssigned(registeredBefore: Date, limit: number, afterId?: string): Promise<AssignedFamily[]> {
    return this.tx.manager().query<AssignedFamily[]>(
      `SELECT id AS "familyId", team_id AS "teamId", assigned_accompanier_id AS "assigneeId"
         FROM families
        WHERE status = 'active' AND assigned_accompanier_id IS NOT NULL AND created_at < $1
          AND ($2::uuid IS NULL OR id > $2::uuid)
        ORDER BY id LIMIT $3`,
      [registeredBefore, afterId ?? null, limit],
    );
  }
}
