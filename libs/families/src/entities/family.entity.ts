import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TeamEntity, UserEntity } from '@accompany/auth';
import { VersionedEntity } from '@accompany/persistence';
import type { ConsentState } from '../domain/consent';
import type { ClosureReason, FamilyStatus } from '../domain/family-status';

/** The case: a household searching for one or more missing relatives. Closed, never deleted. */
@Entity({ name: 'families' })
@Index('uq_families_reference', ['reference'], { unique: true })
@Index('idx_families_team_created', ['teamId', 'createdAt', 'id'])
@Index('idx_families_assignee_created', ['assignedAccompanierId', 'createdAt', 'id'])
@Check('chk_families_status', `status IN ('open', 'active', 'on_hold', 'closed')`)
@Check('chk_families_closure', `(status = 'closed') = (closure_reason IS NOT NULL)`)
export class FamilyEntity extends VersionedEntity {
  @Column({ type: 'text' })
  reference!: string;

  @Column({ type: 'uuid' })
  teamId!: string;

  @ManyToOne(() => TeamEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'team_id' })
  team?: TeamEntity;

  @Column({ type: 'uuid', nullable: true })
  assignedAccompanierId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assigned_accompanier_id' })
  assignedAccompanier?: UserEntity;

  @Column({ type: 'text' })
  status!: FamilyStatus;

  @Column({ type: 'text', nullable: true })
  closureReason!: ClosureReason | null;

  @Column({ type: 'text', nullable: true })
  closureNote!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  preferredLanguage!: string | null;

  @Column({ type: 'text', nullable: true })
  address!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  consent!: ConsentState;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by' })
  creator?: UserEntity;
}
