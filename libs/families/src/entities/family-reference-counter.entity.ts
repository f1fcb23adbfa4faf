import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last reference number given out per year; bumped atomically by an upsert. */
@Entity({ name: 'family_reference_counters' })
export class FamilyReferenceCounterEntity {
  @PrimaryColumn({ type: 'integer' })
  year!: number;

  @Column({ type: 'integer' })
  lastNumber!: number;
}
