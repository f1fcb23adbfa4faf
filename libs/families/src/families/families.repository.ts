import { Injectable } from '@nestjs/common';
import { TransactionRunner, updateVersioned } from '@accompany/persistence';
import type { FamilyScope } from '../access/family-scope';
import type { FamilyStatus } from '../domain/family-status';
import { FamilyEntity } from '../entities';
import type { FamilyDetailRow, FamilySummaryRow } from './family-rows';
import { familyDetailSelect, familySummarySelect, nameMatch } from './family-sql';

export interface FamilyListFilter {
  status?: string;
  assignedAccompanierId?: string;
  /** Normalised name fragment. */
  nameQuery?: string;
  after?: { createdAt: string; id: string };
  limit: number;
}

export type NewFamily = Pick<
  FamilyEntity,
  | 'reference'
  | 'teamId'
  | 'assignedAccompanierId'
  | 'status'
  | 'preferredLanguage'
  | 'address'
  | 'consent'
  | 'createdBy'
>;

export type FamilyChanges = Partial<
  Pick<
    FamilyEntity,
    | 'status'
    | 'closureReason'
    | 'closureNote'
    | 'closedAt'
    | 'assignedAccompanierId'
    | 'address'
    | 'preferredLanguage'
    | 'consent'
  >
>;

@Injectable()
export class FamiliesRepository {
  constructor(private readonly tx: TransactionRunner) {}

  /** Next number of the year, unique under concurrency (the upsert locks the year's row). */
  async nextReferenceNumber(year: number): Promise<number> {
    const rows = await this.tx.query<{ lastNumber: number }>(
      `INSERT INTO family_reference_counters (year, last_number) VALUES (:year, 1)
       ON CONFLICT (year) DO UPDATE SET last_number = family_reference_counters.last_number + 1
       RETURNING last_number AS "lastNumber"`,
      { year },
    );
    return rows[0]!.lastNumber;
  }

  async insert(family: NewFamily): Promise<string> {
    const result = await this.tx
      .manager()
      .createQueryBuilder()
      .insert()
      .into(FamilyEntity)
      .values(family)
      .returning(['id'])
      .execute();
    return (result.identifiers[0] as { id: string }).id;
  }

  async findVisibleDetail(id: string, scope: FamilyScope): Promise<FamilyDetailRow | null> {
    const rows = await this.tx.query<FamilyDetailRow>(
      `${familyDetailSelect(scope)} WHERE f.id = :id AND ${scope.families}`,
      { ...scope.params, id },
    );
    return rows[0] ?? null;
  }

  /** Newest first, keyset on (created_at, id); filters and visibility in the same query. */
  findPage(filter: FamilyListFilter, scope: FamilyScope): Promise<FamilySummaryRow[]> {
    const where = [scope.families];
    const params: Record<string, unknown> = { ...scope.params, limit: filter.limit + 1 };
    if (filter.status) {
      where.push('f.status = :status');
      params.status = filter.status;
    }
    if (filter.assignedAccompanierId) {
      where.push('f.assigned_accompanier_id = :assignee');
      params.assignee = filter.assignedAccompanierId;
    }
    if (filter.nameQuery) {
      where.push(nameMatch(scope, ':pattern'));
      params.pattern = `%${filter.nameQuery.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    }
    if (filter.after) {
      where.push('(f.created_at, f.id) < (CAST(:afterCreatedAt AS timestamptz), CAST(:afterId AS uuid))');
      params.afterCreatedAt = filter.after.createdAt;
      params.afterId = filter.after.id;
    }
    return this.tx.query<FamilySummaryRow>(
      `${familySummarySelect(scope)} WHERE ${where.join(' AND ')} ORDER BY f.created_at DESC, f.id DESC LIMIT :limit`,
      params,
    );
  }

  /**
   * Unassigns every family of the team assigned to the user, whatever its version (the
   * assignment ends with the post, not by an edit); answers the released families.
   */
  releaseAssignments(teamId: string, userId: string): Promise<Array<{ id: string; status: FamilyStatus }>> {
    // As a SELECT over the UPDATE, so the driver answers the rows (not [rows, count]).
    return this.tx.query(
      `WITH released AS (
         UPDATE families SET assigned_accompanier_id = NULL, version = version + 1, updated_at = now()
          WHERE team_id = :teamId AND assigned_accompanier_id = :userId
         RETURNING id, status)
       SELECT id, status FROM released ORDER BY id`,
      { teamId, userId },
    );
  }

  /** Optimistic update: applies only to the expected version; false when it moved on. */
  update(id: string, expectedVersion: number, changes: FamilyChanges): Promise<boolean> {
    return updateVersioned(this.tx.manager(), FamilyEntity, id, expectedVersion, changes);
  }
}
