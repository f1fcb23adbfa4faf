import { Column, Entity, Generated, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One append-only line of the audit log: who did what to which record, when and from
 * where, with the names of changed fields but never their values. The hash-chain
 * columns are filled by the sealing job (supervision issue); a trigger refuses any
 * other update and every delete.
 */
@Entity({ name: 'audit_events' })
@Index('idx_audit_events_entity', ['entityType', 'entityId'])
@Index('idx_audit_events_actor', ['actorId', 'occurredAt'])
@Index('idx_audit_events_family', ['familyId', 'occurredAt'])
@Index('idx_audit_events_team', ['teamId', 'occurredAt'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'bigint', unique: true })
  @Generated('increment')
  sequence!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  occurredAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'text', nullable: true })
  actorRole!: string | null;

  @Column({ type: 'uuid', nullable: true })
  teamId!: string | null;

  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'text' })
  entityType!: string;

  @Column({ type: 'uuid', nullable: true })
  entityId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  familyId!: string | null;

  @Column({ type: 'text', nullable: true })
  requestId!: string | null;

  @Column({ type: 'text', nullable: true })
  ip!: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  changedFields!: string[];

  @Column({ type: 'bytea', nullable: true })
  previousHash!: Buffer | null;

  @Column({ type: 'bytea', nullable: true })
  hash!: Buffer | null;

  @Column({ type: 'timestamptz', nullable: true })
  sealedAt!: Date | null;
}
