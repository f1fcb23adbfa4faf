import { Injectable } from '@nestjs/common';
import { TransactionRunner, updateVersioned } from '@accompany/persistence';
import { UserEntity } from '../entities';
import type { Role } from '../access/role.enum';

export interface UserFilter {
  teamId?: string;
  role?: Role;
  activeOnly?: boolean;
  after?: { fullName: string; id: string };
  limit: number;
}

export type NewUser = Pick<UserEntity, 'email' | 'fullName' | 'passwordHash' | 'role' | 'teamId'>;
export type UserChanges = Partial<
  Pick<UserEntity, 'fullName' | 'role' | 'teamId' | 'active' | 'passwordHash' | 'passwordChangedAt'>
>;

@Injectable()
export class UsersRepository {
  constructor(private readonly tx: TransactionRunner) {}

  private get repo() {
    return this.tx.manager().getRepository(UserEntity);
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.repo.findOneBy({ id });
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.repo.findOneBy({ email: email.toLowerCase() });
  }

  async existsWithRole(role: Role): Promise<boolean> {
    return (await this.repo.countBy({ role, active: true })) > 0;
  }

  async insert(user: NewUser): Promise<UserEntity> {
    const result = await this.repo.createQueryBuilder().insert().values(user).returning('*').execute();
    return this.repo.create(result.generatedMaps[0] as UserEntity);
  }

  /** Applies the changes only at `expectedVersion`; null when the row has moved on. */
  async update(id: string, changes: UserChanges, expectedVersion: number): Promise<UserEntity | null> {
    const updated = await updateVersioned(this.tx.manager(), UserEntity, id, expectedVersion, changes);
    return updated ? this.findById(id) : null;
  }

  findActiveInTeam(teamId: string, role: Role): Promise<UserEntity[]> {
    return this.repo.find({
      where: { teamId, role, active: true },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  findPage(filter: UserFilter): Promise<UserEntity[]> {
    const query = this.repo.createQueryBuilder('u').orderBy('u.full_name', 'ASC').addOrderBy('u.id', 'ASC');
    if (filter.teamId) query.andWhere('u.team_id = :teamId', { teamId: filter.teamId });
    if (filter.role) query.andWhere('u.role = :role', { role: filter.role });
    if (filter.activeOnly) query.andWhere('u.active');
    if (filter.after) {
      query.andWhere('(u.full_name, u.id) > (:afterName, :afterId)', {
        afterName: filter.after.fullName,
        afterId: filter.after.id,
      });
    }
    return query.limit(filter.limit + 1).getMany();
  }
}
