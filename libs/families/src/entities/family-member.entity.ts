import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { VersionedEntity } from '@accompany/persistence';
import { FamilyEntity } from './family.entity';

/** A relative in the household; the beneficiary of psychosocial sessions. */
@Entity({ name: 'family_members' })
@Index('idx_family_members_family', ['familyId'])
@Index('idx_family_members_search', { synchronize: false })
@Check('chk_family_members_birth_year', `birth_year IS NULL OR birth_year BETWEEN 1900 AND 2100`)
export class FamilyMemberEntity extends VersionedEntity {
  @Column({ type: 'uuid' })
  familyId!: string;

  @ManyToOne(() => FamilyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'family_id' })
  family?: FamilyEntity;

  @Column({ type: 'text' })
  fullName!: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  otherNames!: string[];

  /** Normalised spellings for `q`; maintained by the service, indexed with trigrams. */
  @Column({ type: 'text' })
  searchText!: string;

  @Column({ type: 'text' })
  sex!: string;

  @Column({ type: 'date', nullable: true })
  birthDate!: string | null;

  @Column({ type: 'integer', nullable: true })
  birthYear!: number | null;

  @Column({ type: 'text' })
  relationship!: string;

  @Column({ type: 'boolean', default: false })
  isContactPerson!: boolean;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;
}
