import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { AuditAction, AuditService, VersionedWriter, type AuditRecord } from '@accompany/audit';
import { auditActorOf, Role, UsersService, type AuthUser } from '@accompany/auth';
import { AppConfig } from '@accompany/config';
import { TransactionRunner } from '@accompany/persistence';
import { decodeCursor, DEFAULT_PAGE_SIZE, toPage, ValidationFailedError, type Page } from '@accompany/shared';
import { FamilyVisibility } from '../access/family-visibility';
import { applyConsent } from '../domain/consent';
import { formatFamilyReference } from '../domain/family-reference';
import { FamilyStatus } from '../domain/family-status';
import { normalizeName } from '../domain/name-search';
import type {
  CreateFamilyDto,
  FamilyDto,
  FamilySummaryDto,
  ListFamiliesQueryDto,
  UpdateFamilyDto,
} from '../dto/family.dto';
import { familyNotFound, notAnAccompanierOfTeam, assignmentForbidden } from '../families.errors';
import {
  FamilyEvents,
  type FamilyClosedEvent,
  type FamilyReassignedEvent,
  type FamilyReopenedEvent,
} from '../families.events';
import { MembersService } from '../members/members.service';
import { MissingPersonsService } from '../missing-persons/missing-persons.service';
import { CaseAccess } from '../case/case-access';
import { CaseRepository } from '../case/case.repository';
import { FamiliesRepository } from './families.repository';
import type { ReducedFamilyDto } from '../dto/reduced-family.dto';
import { toFamilySummaryDto, toVisibleFamilyDto } from './family.mapper';
import { planFamilyUpdate } from './family-update.plan';
import { yearIn } from './reference-year';

/** Families: register, find, read (audited), update safely. Team is always the caller's. */
@Injectable()
export class FamiliesService {
  constructor(
    private readonly families: FamiliesRepository,
    private readonly cases: CaseRepository,
    private readonly access: CaseAccess,
    private readonly visibility: FamilyVisibility,
    private readonly members: MembersService,
    private readonly missingPersons: MissingPersonsService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly tx: TransactionRunner,
    private readonly versioned: VersionedWriter,
    private readonly events: EventEmitter2,
    private readonly config: AppConfig,
  ) {}

  async register(user: AuthUser, dto: CreateFamilyDto): Promise<FamilyDto | ReducedFamilyDto> {
    const teamId = user.teamId;
    if (!teamId) throw familyNotFound();
    let assignee: string | null = null;
    if (user.role === Role.Accompanier) {
      if (dto.assignedAccompanierId !== undefined) throw assignmentForbidden();
      assignee = user.id;
    } else if (dto.assignedAccompanierId !== undefined) {
      await this.requireAccompanier(dto.assignedAccompanierId, teamId);
      assignee = dto.assignedAccompanierId;
    }
    dto.members?.forEach((member, index) => this.members.checkBirth(member, `members[${index}]`));
    const now = new Date();
    const familyId = await this.tx.run(async () => {
      const year = yearIn(this.config.timeZone, now);
      const reference = formatFamilyReference(year, await this.families.nextReferenceNumber(year));
      const id = await this.families.insert({
        reference,
        teamId,
        assignedAccompanierId: assignee,
        status: FamilyStatus.Open,
        preferredLanguage: dto.preferredLanguage ?? null,
        address: dto.address ?? null,
        consent: applyConsent({}, dto.consent, user.id, now).next,
        createdBy: user.id,
      });
      await this.audit.record(auditActorOf(user), {
        action: AuditAction.FamilyCreated,
        entityType: 'family',
        entityId: id,
        familyId: id,
        teamId,
        changedFields: Object.keys(dto).filter((key) => dto[key as keyof CreateFamilyDto] !== undefined),
      });
      for (const member of dto.members ?? []) await this.members.addToFamily(user, id, teamId, member);
      for (const person of dto.missingPersons ?? []) {
        await this.missingPersons.addToFamily(user, id, teamId, person);
      }
      return id;
    });
    return this.readDetail(user, familyId);
  }

  async list(user: AuthUser, query: ListFamiliesQueryDto): Promise<Page<FamilySummaryDto>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = query.cursor ? decodeCursor(query.cursor, ['timestamp', 'uuid']) : undefined;
    const nameQuery = query.q === undefined ? undefined : normalizeName(query.q);
    if (nameQuery === '') {
      throw new ValidationFailedError([
        { field: 'q', code: 'invalid_format', message: 'q must contain letters or digits' },
      ]);
    }
    const rows = await this.families.findPage(
      {
        status: query.status,
        assignedAccompanierId: query.assignedAccompanierId,
        nameQuery,
        after: after ? { createdAt: String(after[0]), id: String(after[1]) } : undefined,
        limit,
      },
      this.visibility.scope(user),
    );
    return toPage(rows, limit, (row) => [row.cursorAt, row.id], toFamilySummaryDto);
  }

  /** One family with its members and missing persons; the read itself is audited. */
  async getById(user: AuthUser, id: string): Promise<FamilyDto | ReducedFamilyDto> {
    const family = await this.readDetail(user, id);
    await this.audit.record(auditActorOf(user), {
      action: AuditAction.FamilyRead,
      entityType: 'family',
      entityId: id,
      familyId: id,
      teamId: family.teamId,
    });
    return family;
  }

  async update(
    user: AuthUser,
    id: string,
    dto: UpdateFamilyDto,
    expectedVersion?: number,
  ): Promise<FamilyDto | ReducedFamilyDto> {
    const current = await this.access.requireVisible(user, id);
    const plan = planFamilyUpdate(user, current, dto, new Date());
    if (plan.reassignment?.to) await this.requireAccompanier(plan.reassignment.to, current.teamId);
    await this.versioned.write({
      actor: auditActorOf(user),
      currentVersion: current.version,
      expectedVersion,
      changedFields: plan.changedFields,
      update: (version) => this.families.update(id, version, plan.changes),
      audit: (fields) => familyUpdateAudit(id, current.teamId, fields),
      afterUpdate: () => this.publish(user, current, plan),
    });
    return this.readDetail(user, id);
  }

  /** Ensures the family is visible to the user (404 otherwise) and returns its team and status. */
  async requireVisible(
    user: AuthUser,
    familyId: string,
  ): Promise<{ id: string; teamId: string; status: FamilyStatus }> {
    const family = await this.access.requireVisible(user, familyId);
    return { id: family.id, teamId: family.teamId, status: family.status };
  }

  /**
   * Locks the family row until the caller's transaction ends, so work derived from it (open
   * reminders) is written by one transaction at a time. NO KEY UPDATE does not wait for the
   * key-share locks that inserts referencing the family hold. Answers the family's status
   * as locked (null when it does not exist), so work is not planned on a closed family.
   */
  lockForWork(familyId: string): Promise<FamilyStatus | null> {
    return this.cases.lockForWork(familyId);
  }

  /** Ids of the family's members (for libs that reference them, e.g. contact participants). */
  memberIds(familyId: string): Promise<string[]> {
    return this.cases.memberIds(familyId);
  }

  /**
   * The team a family belongs to, whoever asks (null: no such family). For rights that
   * follow team membership rather than visibility, e.g. an author's edit of their contact.
   */
  async teamOf(familyId: string): Promise<string | null> {
    return (await this.cases.findById(familyId))?.teamId ?? null;
  }

  /** The accompanier a family is assigned to, for libs that route work to them (reminders). */
  async assigneeOf(familyId: string): Promise<string | null> {
    return (await this.cases.findById(familyId))?.assignedAccompanierId ?? null;
  }

  /** The family at the view the caller's grants give (whole, or reduced). */
  private async readDetail(user: AuthUser, id: string): Promise<FamilyDto | ReducedFamilyDto> {
    const row = await this.families.findVisibleDetail(id, this.visibility.scope(user));
    if (!row) throw familyNotFound();
    return toVisibleFamilyDto(row);
  }

  private async requireAccompanier(userId: string, teamId: string): Promise<void> {
    if (!(await this.users.isActiveMemberWithRole(userId, teamId, Role.Accompanier))) {
      throw notAnAccompanierOfTeam();
    }
  }

  /** Reactions of other libs (reminders) run inside this transaction. */
  private async publish(
    user: AuthUser,
    current: { id: string; teamId: string; assignedAccompanierId: string | null },
    plan: ReturnType<typeof planFamilyUpdate>,
  ): Promise<void> {
    const { id: familyId, teamId } = current;
    if (plan.reassignment) {
      const event: FamilyReassignedEvent = {
        familyId,
        teamId,
        fromAccompanierId: plan.reassignment.from,
        toAccompanierId: plan.reassignment.to,
        actorId: user.id,
      };
      await this.events.emitAsync(FamilyEvents.Reassigned, event);
    }
    if (plan.statusChange?.to === FamilyStatus.Closed) {
      const event: FamilyClosedEvent = { familyId, teamId, actorId: user.id };
      await this.events.emitAsync(FamilyEvents.Closed, event);
    }
    if (plan.statusChange?.from === FamilyStatus.Closed) {
      const event: FamilyReopenedEvent = {
        familyId,
        teamId,
        assignedAccompanierId: plan.reassignment ? plan.reassignment.to : current.assignedAccompanierId,
        actorId: user.id,
      };
      await this.events.emitAsync(FamilyEvents.Reopened, event);
    }
  }
}

/**
 * A status change (status with its closure fields) and other edits are separate audit
 * events, so the log answers "who closed this case" without reading every edit.
 */
function familyUpdateAudit(familyId: string, teamId: string, fields: string[]): AuditRecord[] {
  const base = { entityType: 'family', entityId: familyId, familyId, teamId };
  const statusChanged = fields.includes('status');
  const isStatusField = (field: string): boolean =>
    statusChanged && (field === 'status' || field.startsWith('closure'));
  const statusFields = fields.filter(isStatusField);
  const otherFields = fields.filter((field) => !isStatusField(field));
  const events: AuditRecord[] = [];
  if (statusChanged) {
    events.push({ ...base, action: AuditAction.FamilyStatusChanged, changedFields: statusFields });
  }
  if (otherFields.length > 0) {
    events.push({ ...base, action: AuditAction.FamilyUpdated, changedFields: otherFields });
  }
  return events;
}
