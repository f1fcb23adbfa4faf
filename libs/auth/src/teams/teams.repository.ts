import { Injectable } from '@nestjs/common';
import { TransactionRunner, updateVersioned } from '@accompany/persistence';
import { TeamEntity } from '../entities';

@Injectable()
export class TeamsRepository {
  constructor(private readonly tx: TransactionRunner) {}

  private get repo() {
    return this.tx.manager().getRepository(TeamEntity);
  }

  findById(id: string): Promise<TeamEntity | null> {
    return this.repo.findOneBy({ id });
  }

  async insert(team: Pick<TeamEntity, 'name' | 'region'>): Promise<TeamEntity> {
    const result = await this.repo.createQueryBuilder().insert().values(team).returning('*').execute();
    return this.repo.create(result.generatedMaps[0] as TeamEntity);
  }

  async update(
    id: string,
    changes: Partial<Pick<TeamEntity, 'name' | 'region'>>,
    expectedVersion: number,
  ): Promise<TeamEntity | null> {
    const updated = await updateVersioned(this.tx.manager(), TeamEntity, id, expectedVersion, changes);
    return updated ? this.findById(id) : null;
  }

  findPage(filter: {
    onlyId?: string;
    after?: { name: string; id: string };
    limit: number;
  }): Promise<TeamEntity[]> {
    const query = this.repo.createQueryBuilder('t').orderBy('t.name', 'ASC').addOrderBy('t.id', 'ASC');
    if (filter.onlyId) query.andWhere('t.id = :onlyId', { onlyId: filter.onlyId });
    if (filter.after) {
      query.andWhere('(t.name, t.id) > (:afterName, :afterId)', {
        afterName: filter.after.name,
        afterId: filter.after.id,
      });
    }
    return query.limit(filter.limit + 1).getMany();
  }
}
