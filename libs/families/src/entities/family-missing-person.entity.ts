import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { FamilyEntity } from './family.entity';
import { MissingPersonEntity } from './missing-person.entity';

/** Which families seek which missing persons (many-to-many). */
@Entity({ name: 'family_missing_persons' })
@Index('idx_family_missing_persons_person', ['missingPersonId'])
export class FamilyMissingPersonEntity {
  @PrimaryColumn({ type: 'uuid' })
  familyId!: string;

  @PrimaryColumn({ type: 'uuid' })
  missingPersonId!: string;

  @ManyToOne(() => FamilyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'family_id' })
  family?: FamilyEntity;

  @ManyToOne(() => MissingPersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'missing_person_id' })
  missingPerson?: MissingPersonEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
