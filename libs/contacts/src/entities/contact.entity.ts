import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { UserEntity } from '@accompany/auth';
import { FamilyEntity } from '@accompany/families';
import { VersionedEntity } from '@accompany/persistence';

/** One interaction of an accompanier with a family. Editable by its author for 24 h, then corrected by appending. */
@Entity({ name: 'contacts' })
@Index('idx_contacts_family_occurred', ['familyId', 'occurredAt', 'id'])
@Index('idx_contacts_author', ['authorId', 'occurredAt'])
@Check('chk_contacts_kind', `kind IN ('home_visit', 'phone_call', 'office_visit', 'group_activity')`)
@Check('chk_contacts_duration', `duration_minutes IS NULL OR duration_minutes BETWEEN 0 AND 1440`)
export class ContactEntity extends VersionedEntity {
  @Column({ type: 'uuid' })
  familyId!: string;

  @ManyToOne(() => FamilyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'family_id' })
  family?: FamilyEntity;

  @Column({ type: 'uuid' })
  authorId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id' })
  author?: UserEntity;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ type: 'boolean', default: true })
  contactMade!: boolean;

  @Column({ type: 'integer', nullable: true })
  durationMinutes!: number | null;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  participantIds!: string[];

  @Column({ type: 'text' })
  summary!: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  needs!: string[];

  @Column({ type: 'text', nullable: true })
  actionsAgreed!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  nextFollowUpAt!: Date | null;
}
