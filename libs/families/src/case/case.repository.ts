import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@accompany/persistence';
import type { SqlPredicate } from '../access/family-scope';
import type { FamilyStatus } from '../domain/family-status';
import { FAMILY_COLUMNS, type FamilyRow } from './family-row';

/**
 * The family row as the case everything else hangs from: found when visible, locked for
 * derived work. Members, missing persons and the families folder all read it through here,
 * so none of them imports another's repository.
 */
@Injectable()
export class CaseRepository {
  constructor(private readonly tx: TransactionRunner) {}

  async findVisible(id: string, visibility: SqlPredicate): Promise<FamilyRow | null> {
    const rows = await this.tx.query<FamilyRow>(
      `SELECT ${FAMILY_COLUMNS} FROM families f WHERE f.id = :id AND ${visibility.sql}`,
      { ...visibility.params, id },
    );
    return rows[0] ?? null;
  }

  async findById(id: string): Promise<FamilyRow | null> {
    const rows = await this.tx.query<FamilyRow>(`SELECT ${FAMILY_COLUMNS} FROM families f WHERE f.id = :id`, {
      id,
    });
    return rows[0] ?? null;
  }

  /** Locks the family row for the rest of the transaction; answers its status as locked (null: gone). */
  async lockForWork(familyId: string): Promise<FamilyStatus | null> {
    const rows = await this.tx.query<{ status: FamilyStatus }>(
      'SELECT status FROM families WHERE id = :familyId FOR NO KEY UPDATE',
      { familyId },
    );
    return rows[0]?.status ?? null;
  }

  async memberIds(familyId: string): Promise<string[]> {
    const rows = await this.tx.query<{ id: string }>(
      'SELECT id FROM family_members WHERE family_id = :familyId',
      { familyId },
    );
    return rows.map((row) => row.id);
  }
}
