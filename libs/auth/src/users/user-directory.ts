import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@accompany/persistence';

/** Read-only user questions for background work (the worker's e-mail channel). */
@Injectable()
export class UserDirectory {
  constructor(private readonly tx: TransactionRunner) {}

  /** The address of an active user, or null. */
  async activeEmailOf(userId: string): Promise<string | null> {
    const rows = await this.tx
      .manager()
      .query<Array<{ email: string }>>('SELECT email FROM users WHERE id = $1 AND active', [userId]);
    return rows[0]?.email ?? null;
  }
}
