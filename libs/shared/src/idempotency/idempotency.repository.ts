import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { TransactionRunner } from '@accompany/persistence';
import { IdempotencyKeyEntity } from './idempotency-key.entity';

export interface IdempotencyScope {
  userId: string;
  method: string;
  path: string;
  key: string;
}

export type Claim =
  | { kind: 'claimed' }
  | { kind: 'replay'; status: number; body: unknown }
  | { kind: 'mismatch' }
  | { kind: 'in_flight' };

/** Answers are kept this long. */
const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000;
/** A claim with no answer after this long belongs to a request that died; a retry may take it over. */
const ABANDONED_CLAIM_MS = 60 * 1000;

@Injectable()
export class IdempotencyRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
  ) {}

  /**
   * Claims the key in its own committed statement (so a concurrent retry sees it at once),
   * or reports what the earlier request left behind.
   */
  async claim(scope: IdempotencyScope, requestHash: Buffer, now = new Date()): Promise<Claim> {
    const rows: Array<{
      inserted: boolean;
      requestHash: Buffer;
      responseStatus: number | null;
      responseBody: unknown;
    }> = await this.dataSource.query(
      `INSERT INTO idempotency_keys (user_id, method, path, key, request_hash, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (user_id, method, path, key) DO UPDATE
           SET request_hash = EXCLUDED.request_hash, created_at = EXCLUDED.created_at,
               response_status = NULL, response_body = NULL
           WHERE idempotency_keys.created_at < $7
              OR (idempotency_keys.response_status IS NULL AND idempotency_keys.created_at < $8)
         RETURNING true AS inserted, request_hash AS "requestHash", response_status AS "responseStatus",
                   response_body AS "responseBody"`,
      [
        scope.userId,
        scope.method,
        scope.path,
        scope.key,
        requestHash,
        now,
        new Date(now.getTime() - IDEMPOTENCY_TTL_MS),
        new Date(now.getTime() - ABANDONED_CLAIM_MS),
      ],
    );
    if (rows.length > 0) return { kind: 'claimed' };
    const existing = await this.dataSource.getRepository(IdempotencyKeyEntity).findOneBy(scope);
    if (!existing) return { kind: 'in_flight' };
    if (!existing.requestHash.equals(requestHash)) return { kind: 'mismatch' };
    if (existing.responseStatus === null) return { kind: 'in_flight' };
    return { kind: 'replay', status: existing.responseStatus, body: existing.responseBody };
  }

  /** Stores the answer inside the creating transaction, so record and answer commit together. */
  async complete(scope: IdempotencyScope, status: number, body: unknown): Promise<void> {
    await this.tx
      .manager()
      .update(IdempotencyKeyEntity, scope, { responseStatus: status, responseBody: body as object });
  }

  /** Frees the key after a failure, so the client may retry. */
  async release(scope: IdempotencyScope): Promise<void> {
    await this.dataSource.getRepository(IdempotencyKeyEntity).delete({ ...scope, responseStatus: IsNull() });
  }
}
