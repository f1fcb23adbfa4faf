import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { TransactionRunner } from '@accompany/persistence';
import { ReminderEntity } from './entities/reminder.entity';
import { OPEN_STATUSES, type ReminderKind, ReminderStatus } from './reminder-kind';

export type NewReminder = Pick<ReminderEntity, 'kind' | 'familyId' | 'teamId' | 'assigneeId' | 'dueAt'>;
export type ReminderChanges = Partial<
  Pick<
    ReminderEntity,
    'status' | 'dueAt' | 'escalatedAt' | 'doneAt' | 'doneBy' | 'note' | 'informedAt' | 'assigneeId'
  >
>;

export interface ReminderFilter {
  assigneeId?: string;
  teamId?: string;
  statuses: ReminderStatus[];
  after?: { dueAt: string; id: string };
  limit: number;
}

@Injectable()
export class RemindersRepository {
  constructor(private readonly tx: TransactionRunner) {}

  private get repo() {
    return this.tx.manager().getRepository(ReminderEntity);
  }

  async insert(reminder: NewReminder): Promise<ReminderEntity> {
    const result = await this.repo
      .createQueryBuilder()
      .insert()
      .values({ ...reminder, status: ReminderStatus.Scheduled })
      .returning(['id'])
      .execute();
    return this.repo.findOneByOrFail({ id: (result.identifiers[0] as { id: string }).id });
  }

  /** Inserts the reminder unless its family already has an open one of that kind; null then. */
  async insertUnlessOpen(reminder: NewReminder): Promise<ReminderEntity | null> {
    const rows = await this.tx.manager().query<Array<{ id: string }>>(
      `INSERT INTO reminders (kind, family_id, team_id, assignee_id, due_at, status, version)
       SELECT $1, $2, $3, $4, $5, 'scheduled', 1
        WHERE NOT EXISTS (SELECT 1 FROM reminders WHERE family_id = $2 AND kind = $1
                            AND status IN ('scheduled', 'due', 'escalated'))
       RETURNING id`,
      [reminder.kind, reminder.familyId, reminder.teamId, reminder.assigneeId, reminder.dueAt],
    );
    const id = rows[0]?.id;
    return id ? this.findById(id) : null;
  }

  findById(id: string): Promise<ReminderEntity | null> {
    return this.repo.findOneBy({ id });
  }

  findOpen(familyId: string, kind: ReminderKind): Promise<ReminderEntity | null> {
    return this.repo.findOneBy({ familyId, kind, status: In([...OPEN_STATUSES]) });
  }

  /**
   * Moves one reminder on, only from the status and version it was read in; the single
   * guard that makes every transition happen once. Returns the new row or null.
   */
  async transition(
    id: string,
    from: { status: ReminderStatus; version: number },
    changes: ReminderChanges,
  ): Promise<ReminderEntity | null> {
    const result = await this.repo
      .createQueryBuilder()
      .update()
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id AND status = :status AND version = :version', {
        id,
        status: from.status,
        version: from.version,
      })
      .execute();
    return (result.affected ?? 0) > 0 ? this.findById(id) : null;
  }

  /** Changes every open reminder of a family of the given kinds (all kinds when omitted); returns them as changed. */
  async updateOpen(
    familyId: string,
    changes: ReminderChanges,
    kinds?: ReminderKind[],
  ): Promise<ReminderEntity[]> {
    const query = this.repo
      .createQueryBuilder()
      .update()
      .set({ ...changes, version: () => 'version + 1' })
      .where('family_id = :familyId AND status IN (:...open)', { familyId, open: OPEN_STATUSES });
    if (kinds) query.andWhere('kind IN (:...kinds)', { kinds });
    const result = await query.returning(['id']).execute();
    const ids = (result.raw as Array<{ id: string }>).map((row) => row.id);
    return ids.length > 0 ? this.repo.findBy({ id: In(ids) }) : [];
  }

  findPage(filter: ReminderFilter): Promise<ReminderEntity[]> {
    const query = this.repo
      .createQueryBuilder('r')
      .where('r.status IN (:...statuses)', { statuses: filter.statuses })
      .orderBy('r.due_at', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .limit(filter.limit + 1);
    if (filter.assigneeId) query.andWhere('r.assignee_id = :assigneeId', { assigneeId: filter.assigneeId });
    if (filter.teamId) query.andWhere('r.team_id = :teamId', { teamId: filter.teamId });
    if (filter.after) {
      query.andWhere('(r.due_at, r.id) > (CAST(:afterDue AS timestamptz), CAST(:afterId AS uuid))', {
        afterDue: filter.after.dueAt,
        afterId: filter.after.id,
      });
    }
    return query.getMany();
  }

  /**
   * Reminders whose next check falls before `horizonEnd` and so should have a job in Redis:
   * scheduled ones due by then, due ones whose grace ends by then. In id order, in batches.
   */
  findQueueable(
    horizonEnd: Date,
    graceMs: number,
    limit: number,
    afterId?: string,
  ): Promise<Array<Pick<ReminderEntity, 'id' | 'version' | 'status' | 'dueAt'>>> {
    const query = this.repo
      .createQueryBuilder('r')
      .select(['r.id', 'r.version', 'r.status', 'r.dueAt'])
      .where(
        `((r.status = :scheduled AND r.due_at <= :horizonEnd) OR (r.status = :due AND r.due_at <= :graceHorizonEnd))`,
        {
          scheduled: ReminderStatus.Scheduled,
          due: ReminderStatus.Due,
          horizonEnd,
          graceHorizonEnd: new Date(horizonEnd.getTime() - graceMs),
        },
      )
      .orderBy('r.id', 'ASC')
      .limit(limit);
    if (afterId) query.andWhere('r.id > :afterId', { afterId });
    return query.getMany();
  }
}
