import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { UserEntity } from '@accompany/auth';
import { ContactEntity } from '@accompany/contacts';
import { FamilyEntity } from '@accompany/families';
import { VersionedEntity } from '@accompany/persistence';
import type { ReminderKind, ReminderStatus } from '../reminder-kind';

/**
 * A dated task for one person. This row is the source of truth and the outbox of the
 * queue: it commits with its cause, and a job `reminder-<id>-<version>` is enqueued after
 * commit (or by the sweep). Every transition bumps the version, so older jobs go stale.
 */
@Entity({ name: 'reminders' })
@Index('idx_reminders_assignee', ['assigneeId', 'status', 'dueAt'])
@Index('idx_reminders_team_status', ['teamId', 'status', 'dueAt'])
@Index('idx_reminders_family_status', ['familyId', 'status'])
@Index('idx_reminders_open_due', ['dueAt'], { where: `status IN ('scheduled', 'due')` })
@Check(
  'chk_reminders_kind',
  `kind IN ('follow_up_contact', 'contact_retry', 'inactivity', 'referral_pending', 'family_notification', 'identification_support', 'reassign_family')`,
)
@Check('chk_reminders_status', `status IN ('scheduled', 'due', 'done', 'escalated', 'cancelled')`)
export class ReminderEntity extends VersionedEntity {
  @Column({ type: 'text' })
  kind!: ReminderKind;

  @Column({ type: 'uuid' })
  familyId!: string;

  @ManyToOne(() => FamilyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'family_id' })
  family?: FamilyEntity;

  @Column({ type: 'uuid' })
  teamId!: string;

  @Column({ type: 'uuid' })
  assigneeId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assignee_id' })
  assignee?: UserEntity;

  /**
   * The contact that planned this reminder (a follow-up or a retry), so that correcting that
   * contact re-plans exactly what it planned. Null for reminders no contact caused.
   */
  @Column({ type: 'uuid', nullable: true })
  sourceContactId!: string | null;

  @ManyToOne(() => ContactEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'source_contact_id' })
  sourceContact?: ContactEntity;

  @Column({ type: 'timestamptz' })
  dueAt!: Date;

  @Column({ type: 'text' })
  status!: ReminderStatus;

  @Column({ type: 'timestamptz', nullable: true })
  escalatedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  doneAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  doneBy!: string | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  /** When the family was told (family notification, identification support). */
  @Column({ type: 'timestamptz', nullable: true })
  informedAt!: Date | null;
}
