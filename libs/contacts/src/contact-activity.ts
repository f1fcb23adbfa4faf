import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@accompany/persistence';

/** Read-only questions about contacts for background work (the worker's inactivity check). */
@Injectable()
export class ContactActivity {
  constructor(private readonly tx: TransactionRunner) {}

  /** Which of these families had a successful contact after `since`. */
  async contactedSince(familyIds: string[], since: Date): Promise<Set<string>> {
    if (familyIds.length === 0) return new Set();
    const rows = await this.tx.manager().query<Array<{ familyId: string }>>(
      `SELECT DISTINCT family_id AS "familyId" FROM contacts
        WHERE family_id = ANY($1::uuid[]) AND contact_made AND occurred_at > $2`,
      [familyIds, since],
    );
    return new Set(rows.map((row) => row.familyId));
  }
}
