import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { TransactionRunner } from '@accompany/persistence';
import { ReminderEntity } from './entities/reminder.entity';
import { OPEN_STATUSES, type ReminderKind, ReminderStatus } from './reminder-kind';

export type NewReminder = Pick<ReminderEntity, 'kind' | 'familyId' | 'teamId' | 'assigneeId' | 'dueAt'> &
  Partial<Pick<ReminderEntity, 'sourceContactId'>>;
export type ReminderChanges = Partial<
  Pick<
    ReminderEntity,
    'status' | 'dueAt' | 'escalatedAt' | 'doneAt' | 'doneBy' | 'note' | 'informedAt' | 'assigneeId'
  >
>;

/** What a transition reports back: enough to notify and to queue the next check. */
export type MovedReminder = Pick<
  ReminderEntity,
  'id' | 'kind' | 'familyId' | 'teamId' | 'assigneeId' | 'status' | 'dueAt' | 'version' | 'updatedAt'
>;

interface MovedReminderRow {
  id: string;
  kind: ReminderKind;
  family_id: string;
  team_id: string;
  assignee_id: string;
  status: ReminderStatus;
  due_at: Date;
  version: number;
  updated_at: Date;
}

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
      .values({ sourceContactId: null, ...reminder, status: ReminderStatus.Scheduled })
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
   * guard that makes every transition happen once. With `dueBy`, only if the row's due time
   * has come by then (a check job never moves a reminder early, even if its snapshot is
   * older than the row, e.g. after a database restore wound versions back). One statement,
   * committed with the surrounding transaction or on its own. Returns the moved row's
   * essentials, or null when the reminder had moved on (or is gone, or is not due yet).
   */
  async transition(
    from: Pick<ReminderEntity, 'id' | 'status' | 'version'>,
    changes: ReminderChanges,
    dueBy?: Date,
  ): Promise<MovedReminder | null> {
    const keys = (Object.keys(changes) as Array<keyof ReminderChanges>).filter(
      (key) => changes[key] !== undefined,
    );
    const params: unknown[] = [from.id, from.status, from.version];
    const param = (value: unknown): string => `$${params.push(value)}`;
    const sets = keys.map((key) => `${this.columnOf(key)} = ${param(changes[key])}`);
    const dueGuard = dueBy ? ` AND due_at <= ${param(dueBy)}` : '';
    // UPDATE through the query runner answers [rows, affected].
    const [rows] = await this.tx.manager().query<[MovedReminderRow[], number]>(
      `UPDATE reminders SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')}
        WHERE id = $1 AND status = $2 AND version = $3${dueGuard}
        RETURNING id, kind, family_id, team_id, assignee_id, status, due_at, version, updated_at`,
      params,
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      kind: row.kind,
      familyId: row.family_id,
      teamId: row.team_id,
      assigneeId: row.assignee_id,
      status: row.status,
      dueAt: row.due_at,
      version: row.version,
      updatedAt: row.updated_at,
    };
  }

  private columnOf(property: keyof ReminderChanges): string {
    const column = this.repo.metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`no column for ${property}`);
    return column.databaseName;
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

  /** Changes every open reminder the contact planned (its follow-up or retry); returns them as changed. */
  async updateOpenPlannedBy(contactId: string, changes: ReminderChanges): Promise<ReminderEntity[]> {
    const result = await this.repo
      .createQueryBuilder()
      .update()
      .set({ ...changes, version: () => 'version + 1' })
      .where('source_contact_id = :contactId AND status IN (:...open)', { contactId, open: OPEN_STATUSES })
      .returning(['id'])
      .execute();
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

  /** Changes every open reminder the user holds in the team; returns them as changed. */
  async updateOpenOfAssignee(
    assigneeId: string,
    teamId: string,
    changes: ReminderChanges,
  ): Promise<ReminderEntity[]> {
    const result = await this.repo
      .createQueryBuilder()
      .update()
      .set({ ...changes, version: () => 'version + 1' })
      .where('assignee_id = :assigneeId AND team_id = :teamId AND status IN (:...open)', {
        assigneeId,
        teamId,
        open: OPEN_STATUSES,
      })
      .returning(['id'])
      .execute();
    const ids = (result.raw as Array<{ id: string }>).map((row) => row.id);
    return ids.length > 0 ? this.repo.findBy({ id: In(ids) }) : [];
  }
}
