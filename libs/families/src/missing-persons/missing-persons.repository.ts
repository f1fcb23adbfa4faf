import { Injectable } from '@nestjs/common';
import { TransactionRunner, updateVersioned } from '@accompany/persistence';
import type { SqlPredicate } from '../access/family-scope';
import { FamilyMissingPersonEntity, MissingPersonEntity, MissingPersonStatusChangeEntity } from '../entities';

export type NewMissingPerson = Omit<MissingPersonEntity, 'id' | 'version' | 'createdAt' | 'updatedAt'>;
export type MissingPersonChanges = Partial<Omit<NewMissingPerson, 'status'>> & {
  status?: MissingPersonEntity['status'];
};

@Injectable()
export class MissingPersonsRepository {
  constructor(private readonly tx: TransactionRunner) {}

  private get repo() {
    return this.tx.manager().getRepository(MissingPersonEntity);
  }

  async insert(person: NewMissingPerson): Promise<MissingPersonEntity> {
    const result = await this.repo.createQueryBuilder().insert().values(person).returning(['id']).execute();
    return this.repo.findOneByOrFail({ id: (result.identifiers[0] as { id: string }).id });
  }

  async link(familyId: string, missingPersonId: string): Promise<void> {
    await this.tx.manager().insert(FamilyMissingPersonEntity, { familyId, missingPersonId });
  }

  findById(id: string): Promise<MissingPersonEntity | null> {
    return this.repo.findOneBy({ id });
  }

  /** The families seeking this person that the caller may see (empty: the person is hidden). */
  async visibleFamilyIds(missingPersonId: string, visibility: SqlPredicate): Promise<string[]> {
    const rows = await this.tx.query<{ id: string }>(
      `SELECT f.id FROM family_missing_persons l JOIN families f ON f.id = l.family_id
        WHERE l.missing_person_id = :missingPersonId AND ${visibility.sql} ORDER BY l.created_at`,
      { ...visibility.params, missingPersonId },
    );
    return rows.map((row) => row.id);
  }

  async update(
    id: string,
    expectedVersion: number,
    changes: MissingPersonChanges,
  ): Promise<MissingPersonEntity | null> {
    const updated = await updateVersioned(
      this.tx.manager(),
      MissingPersonEntity,
      id,
      expectedVersion,
      changes,
    );
    return updated ? this.findById(id) : null;
  }

  async recordStatusChange(change: Omit<MissingPersonStatusChangeEntity, 'id' | 'changedAt'>): Promise<void> {
    await this.tx.manager().insert(MissingPersonStatusChangeEntity, change);
  }

  history(missingPersonId: string): Promise<MissingPersonStatusChangeEntity[]> {
    return this.tx
      .manager()
      .getRepository(MissingPersonStatusChangeEntity)
      .find({ where: { missingPersonId }, order: { changedAt: 'ASC', id: 'ASC' } });
  }
}
