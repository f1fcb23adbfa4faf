import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One retried-safe creation: the first answer to (user, method, path, key), kept 24 h, so
 * a client on a flaky connection can repeat a POST without creating a second record.
 */
@Entity({ name: 'idempotency_keys' })
@Index('idx_idempotency_keys_created', ['createdAt'])
export class IdempotencyKeyEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @PrimaryColumn({ type: 'text' })
  method!: string;

  @PrimaryColumn({ type: 'text' })
  path!: string;

  @PrimaryColumn({ type: 'text' })
  key!: string;

  @Column({ type: 'bytea' })
  requestHash!: Buffer;

  /** null while the first request is still being handled. */
  @Column({ type: 'integer', nullable: true })
  responseStatus!: number | null;

  @Column({ type: 'jsonb', nullable: true })
  responseBody!: unknown;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
