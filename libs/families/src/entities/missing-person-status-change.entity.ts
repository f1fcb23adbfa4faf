import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '@accompany/auth';
import { MissingPersonEntity } from './missing-person.entity';

/** The full status history of a missing person: who, when, why. Append-only. */
@Entity({ name: 'missing_person_status_changes' })
@Index('idx_mp_status_changes_person', ['missingPersonId', 'changedAt'])
export class MissingPersonStatusChangeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  missingPersonId!: string;

  @ManyToOne(() => MissingPersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'missing_person_id' })
  missingPerson?: MissingPersonEntity;

  @Column({ type: 'text', nullable: true })
  fromStatus!: string | null;

  @Column({ type: 'text' })
  toStatus!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'uuid' })
  changedBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'changed_by' })
  changer?: UserEntity;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  changedAt!: Date;
}
