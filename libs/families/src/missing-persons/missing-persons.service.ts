import { Injectable } from '@nestjs/common';
import { AuditAction, AuditService } from '@accompany/audit';
import { auditActorOf, type AuthUser } from '@accompany/auth';
import { TransactionRunner } from '@accompany/persistence';
import { PreconditionFailedError } from '@accompany/shared';
import { FamilyVisibility } from '../access/family-visibility';
import { canMoveMissingPerson, MissingPersonStatus } from '../domain/missing-person-status';
import { searchTextOf } from '../domain/name-search';
import { Sex } from '../dto/member.dto';
import type {
  ChangeMissingPersonStatusDto,
  CreateMissingPersonDto,
  MissingPersonDto,
  MissingPersonHistoryDto,
  UpdateMissingPersonDto,
} from '../dto/missing-person.dto';
import type { MissingPersonEntity } from '../entities';
import { familyNotFound, illegalMissingPersonTransition, missingPersonNotFound } from '../families.errors';
import { FamiliesRepository } from '../families/families.repository';
import { toMissingPersonDto } from '../families/family.mapper';
import { MissingPersonsRepository, type MissingPersonChanges } from './missing-persons.repository';

const REGISTERED_REASON = 'registered';

/**
 * Missing persons, seen through the families that seek them: visible (and changeable)
 * when at least one of those families is visible to the caller.
 */
@Injectable()
export class MissingPersonsService {
  constructor(
    private readonly persons: MissingPersonsRepository,
    private readonly families: FamiliesRepository,
    private readonly visibility: FamilyVisibility,
    private readonly audit: AuditService,
    private readonly tx: TransactionRunner,
  ) {}

  async create(user: AuthUser, familyId: string, dto: CreateMissingPersonDto): Promise<MissingPersonDto> {
    const family = await this.families.findVisible(familyId, this.visibility.predicate(user));
    if (!family) throw familyNotFound();
    return this.tx.run(() => this.addToFamily(user, familyId, family.teamId, dto));
  }

  /** Registers a person as missing for this family, with the first history entry. Joins the caller's transaction. */
  async addToFamily(
    user: AuthUser,
    familyId: string,
    teamId: string,
    dto: CreateMissingPersonDto,
  ): Promise<MissingPersonDto> {
    const person = await this.persons.insert({
      fullName: dto.fullName,
      otherNames: dto.otherNames ?? [],
      searchText: searchTextOf(dto.fullName, dto.otherNames),
      sex: dto.sex ?? Sex.Unknown,
      birthDate: dto.birthDate ?? null,
      disappearedOn: dto.disappearedOn ?? null,
      disappearancePlace: dto.disappearancePlace ?? null,
      circumstances: dto.circumstances ?? null,
      externalReferences: (dto.externalReferences ?? []).map(({ authority, number }) => ({
        authority,
        number,
      })),
      status: MissingPersonStatus.Missing,
    });
    await this.persons.link(familyId, person.id);
    await this.persons.recordStatusChange({
      missingPersonId: person.id,
      fromStatus: null,
      toStatus: MissingPersonStatus.Missing,
      reason: REGISTERED_REASON,
      changedBy: user.id,
    });
    await this.audit.record(auditActorOf(user), {
      action: AuditAction.MissingPersonCreated,
      entityType: 'missing_person',
      entityId: person.id,
      familyId,
      teamId,
      changedFields: Object.keys(dto),
    });
    return toMissingPersonDto(person);
  }

  async getById(user: AuthUser, id: string): Promise<MissingPersonDto> {
    const { person, familyId } = await this.requireVisible(user, id);
    await this.audit.record(auditActorOf(user), {
      action: AuditAction.MissingPersonRead,
      entityType: 'missing_person',
      entityId: id,
      familyId,
    });
    return toMissingPersonDto(person);
  }

  async update(
    user: AuthUser,
    id: string,
    dto: UpdateMissingPersonDto,
    expectedVersion?: number,
  ): Promise<MissingPersonDto> {
    const { person, familyId } = await this.requireVisible(user, id);
    const changes: MissingPersonChanges = {};
    const changedFields: string[] = [];
    for (const [field, value] of Object.entries(dto) as Array<[keyof UpdateMissingPersonDto, unknown]>) {
      if (value === undefined || JSON.stringify(value) === JSON.stringify(person[field])) continue;
      (changes as Record<string, unknown>)[field] = value;
      changedFields.push(field);
    }
    if (changes.fullName !== undefined || changes.otherNames !== undefined) {
      changes.searchText = searchTextOf(
        changes.fullName ?? person.fullName,
        changes.otherNames ?? person.otherNames,
      );
    }
    return this.write(
      user,
      person,
      familyId,
      expectedVersion,
      changes,
      changedFields,
      AuditAction.MissingPersonUpdated,
    );
  }

  /** A status change with its reason, kept in the history and seen by every family seeking the person. */
  async changeStatus(
    user: AuthUser,
    id: string,
    dto: ChangeMissingPersonStatusDto,
    expectedVersion?: number,
  ): Promise<MissingPersonDto> {
    const { person, familyId } = await this.requireVisible(user, id);
    if (!canMoveMissingPerson(person.status, dto.status)) {
      throw illegalMissingPersonTransition(person.status, dto.status);
    }
    return this.tx.run(async () => {
      const updated = await this.write(
        user,
        person,
        familyId,
        expectedVersion,
        { status: dto.status },
        ['status'],
        AuditAction.MissingPersonStatusChanged,
      );
      await this.persons.recordStatusChange({
        missingPersonId: id,
        fromStatus: person.status,
        toStatus: dto.status,
        reason: dto.reason,
        changedBy: user.id,
      });
      return updated;
    });
  }

  async history(user: AuthUser, id: string): Promise<MissingPersonHistoryDto> {
    await this.requireVisible(user, id);
    const changes = await this.persons.history(id);
    return {
      items: changes.map((c) => ({
        id: c.id,
        fromStatus: c.fromStatus,
        toStatus: c.toStatus,
        reason: c.reason,
        changedBy: c.changedBy,
        changedAt: c.changedAt.toISOString(),
      })),
    };
  }

  private async requireVisible(
    user: AuthUser,
    id: string,
  ): Promise<{ person: MissingPersonEntity; familyId: string }> {
    const person = await this.persons.findById(id);
    const familyIds = person ? await this.persons.visibleFamilyIds(id, this.visibility.predicate(user)) : [];
    if (!person || familyIds.length === 0) throw missingPersonNotFound();
    return { person, familyId: familyIds[0]! };
  }

  private async write(
    user: AuthUser,
    person: MissingPersonEntity,
    familyId: string,
    expectedVersion: number | undefined,
    changes: MissingPersonChanges,
    changedFields: string[],
    action: AuditAction,
  ): Promise<MissingPersonDto> {
    if (expectedVersion !== undefined && expectedVersion !== person.version) {
      throw new PreconditionFailedError();
    }
    if (changedFields.length === 0) return toMissingPersonDto(person);
    return this.tx.run(async () => {
      const updated = await this.persons.update(person.id, expectedVersion ?? person.version, changes);
      if (!updated) throw new PreconditionFailedError();
      await this.audit.record(auditActorOf(user), {
        action,
        entityType: 'missing_person',
        entityId: person.id,
        familyId,
        changedFields,
      });
      return toMissingPersonDto(updated);
    });
  }
}
