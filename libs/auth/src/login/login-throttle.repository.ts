import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@accompany/persistence';
import { LoginThrottleEntity } from '../entities';
import { decideLoginAttempt, type ThrottleDecision, type ThrottleSettings } from './login-throttle';

export function accountKeyOf(email: string): Buffer {
  return createHash('sha256').update(email.trim().toLowerCase()).digest();
}

@Injectable()
export class LoginThrottleRepository {
  constructor(private readonly tx: TransactionRunner) {}

  /** Counts one attempt for the account under a row lock and returns the decision. */
  registerAttempt(accountKey: Buffer, now: Date, settings: ThrottleSettings): Promise<ThrottleDecision> {
    return this.tx.run(async () => {
      const manager = this.tx.manager();
      await manager
        .createQueryBuilder()
        .insert()
        .into(LoginThrottleEntity)
        .values({ accountKey, attempts: 0, windowStartedAt: now, lockedUntil: null })
        .orIgnore()
        .execute();
      const row = await manager
        .getRepository(LoginThrottleEntity)
        .createQueryBuilder('t')
        .setLock('pessimistic_write')
        .where('t.account_key = :accountKey', { accountKey })
        .getOneOrFail();
      const current = row.attempts === 0 && row.lockedUntil === null ? null : row;
      const decision = decideLoginAttempt(current, now, settings);
      await manager.update(LoginThrottleEntity, { accountKey }, decision.next);
      return decision;
    });
  }

  async clear(accountKey: Buffer): Promise<void> {
    await this.tx.manager().delete(LoginThrottleEntity, { accountKey });
  }
}
