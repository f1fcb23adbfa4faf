import { Injectable } from '@nestjs/common';
import { TransactionRunner, updateVersioned } from '@accompany/persistence';
import { FamilyMemberEntity } from '../entities';

export type NewMember = Omit<FamilyMemberEntity, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'family'>;
export type MemberChanges = Partial<Omit<NewMember, 'familyId'>>;

@Injectable()
export class MembersRepository {
  constructor(private readonly tx: TransactionRunner) {}

  private get repo() {
    return this.tx.manager().getRepository(FamilyMemberEntity);
  }

  async insert(member: NewMember): Promise<FamilyMemberEntity> {
    const result = await this.repo.createQueryBuilder().insert().values(member).returning(['id']).execute();
    return this.repo.findOneByOrFail({ id: (result.identifiers[0] as { id: string }).id });
  }

  findById(id: string): Promise<FamilyMemberEntity | null> {
    return this.repo.findOneBy({ id });
  }

  /** Optimistic update; null when the expected version is gone. */
  async update(
    id: string,
    expectedVersion: number,
    changes: MemberChanges,
  ): Promise<FamilyMemberEntity | null> {
    const updated = await updateVersioned(
      this.tx.manager(),
      FamilyMemberEntity,
      id,
      expectedVersion,
      changes,
    );
    return updated ? this.findById(id) : null;
  }
}
