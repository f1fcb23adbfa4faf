import { Check, Column, Entity, Index } from 'typeorm';
import { VersionedEntity } from '@accompany/persistence';
import type { MissingPersonStatus } from '../domain/missing-person-status';

export interface ExternalReference {
  authority: string;
  number: string;
}

/**
 * A missing person. One person may be sought by several families (family_missing_persons);
 * a status change is seen by each of them. Visible through the families that seek them.
 */
@Entity({ name: 'missing_persons' })
@Index('idx_missing_persons_search', { synchronize: false })
@Check(
  'chk_missing_persons_status',
  `status IN ('missing', 'remains_recovered', 'identified_deceased', 'found_alive', 'closed')`,
)
export class MissingPersonEntity extends VersionedEntity {
  @Column({ type: 'text' })
  fullName!: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  otherNames!: string[];

  @Column({ type: 'text' })
  searchText!: string;

  @Column({ type: 'text' })
  sex!: string;

  @Column({ type: 'date', nullable: true })
  birthDate!: string | null;

  @Column({ type: 'date', nullable: true })
  disappearedOn!: string | null;

  @Column({ type: 'text', nullable: true })
  disappearancePlace!: string | null;

  @Column({ type: 'text', nullable: true })
  circumstances!: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  externalReferences!: ExternalReference[];

  @Column({ type: 'text' })
  status!: MissingPersonStatus;
}
