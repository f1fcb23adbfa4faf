import { Injectable } from '@nestjs/common';
import { AuditAction, AuditService, diffFields, VersionedWriter } from '@accompany/audit';
import { auditActorOf, type AuthUser } from '@accompany/auth';
import { TransactionRunner } from '@accompany/persistence';
import { FamilyVisibility } from '../access/family-visibility';
import { canMoveMissingPerson, MissingPersonStatus } from '../domain/missing-person-status';
import { searchTextOf } from '../domain/name-search';
import { Sex } from '../dto/member.dto';
import type {
  ChangeMissingPersonStatusDto,
  CreateMissingPersonDto,
  MissingPersonHistoryDto,
  UpdateMissingPersonDto,
} from '../dto/missing-person.dto';
import type { MissingPersonEntity } from '../entities';
import { CaseAccess } from '../case/case-access';
import { illegalMissingPersonTransition, missingPersonNotFound } from '../families.errors';
import type { MissingPersonRecordDto } from '../dto/missing-person-record.dto';
import { toMissingPersonDto } from './missing-person.mapper';
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
    private readonly cases: CaseAccess,
    private readonly visibility: FamilyVisibility,
    private readonly audit: AuditService,
    private readonly tx: TransactionRunner,
    private readonly versioned: VersionedWriter,
  ) {}

  async create(
    user: AuthUser,
    familyId: string,
    dto: CreateMissingPersonDto,
  ): Promise<MissingPersonRecordDto> {
    const family = await this.cases.requireVisible(user, familyId);
    return this.tx.run(() => this.addToFamily(user, familyId, family.teamId, dto));
  }

  /** Registers a person as missing for this family, with the first history entry. Joins the caller's transaction. */
  async addToFamily(
    user: AuthUser,
    familyId: string,
    teamId: string,
    dto: CreateMissingPersonDto,
  ): Promise<MissingPersonRecordDto> {
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
    return { ...toMissingPersonDto(person), familyIds: [familyId] };
  }

  async getById(user: AuthUser, id: string): Promise<MissingPersonRecordDto> {
    const { person, familyIds } = await this.requireVisible(user, id);
    const familyId = familyIds[0]!;
    await this.audit.record(auditActorOf(user), {
      action: AuditAction.MissingPersonRead,
      entityType: 'missing_person',
      entityId: id,
      familyId,
    });
    return { ...toMissingPersonDto(person), familyIds };
  }

  async update(
    user: AuthUser,
    id: string,
    dto: UpdateMissingPersonDto,
    expectedVersion?: number,
  ): Promise<MissingPersonRecordDto> {
    const { person, familyIds } = await this.requireVisible(user, id);
    const { changes, changedFields } = diffFields<MissingPersonChanges>(person, dto);
    if (changes.fullName !== undefined || changes.otherNames !== undefined) {
      changes.searchText = searchTextOf(
        changes.fullName ?? person.fullName,
        changes.otherNames ?? person.otherNames,
      );
    }
    return this.write(user, person, familyIds, expectedVersion, changes, changedFields, {
      action: AuditAction.MissingPersonUpdated,
    });
  }

  /** A status change with its reason, kept in the history and seen by every family seeking the person. */
  async changeStatus(
    user: AuthUser,
    id: string,
    dto: ChangeMissingPersonStatusDto,
    expectedVersion?: number,
  ): Promise<MissingPersonRecordDto> {
    const { person, familyIds } = await this.requireVisible(user, id);
    if (!canMoveMissingPerson(person.status, dto.status)) {
      throw illegalMissingPersonTransition(person.status, dto.status);
    }
    return this.write(user, person, familyIds, expectedVersion, { status: dto.status }, ['status'], {
      action: AuditAction.MissingPersonStatusChanged,
      afterUpdate: () =>
        this.persons.recordStatusChange({
          missingPersonId: id,
          fromStatus: person.status,
          toStatus: dto.status,
          reason: dto.reason,
          changedBy: user.id,
        }),
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
  ): Promise<{ person: MissingPersonEntity; familyIds: string[] }> {
    const person = await this.persons.findById(id);
    const familyIds = person
      ? await this.persons.visibleFamilyIds(id, this.visibility.fullPredicate(user))
      : [];
    if (!person || familyIds.length === 0) throw missingPersonNotFound();
    return { person, familyIds };
  }

  private async write(
    user: AuthUser,
    person: MissingPersonEntity,
    familyIds: string[],
    expectedVersion: number | undefined,
    changes: MissingPersonChanges,
    changedFields: string[],
    how: { action: AuditAction; afterUpdate?: () => Promise<void> },
  ): Promise<MissingPersonRecordDto> {
    const updated = await this.versioned.write({
      actor: auditActorOf(user),
      currentVersion: person.version,
      expectedVersion,
      changedFields,
      update: (version) => this.persons.update(person.id, version, changes),
      audit: (fields) => ({
        action: how.action,
        entityType: 'missing_person',
        entityId: person.id,
        familyId: familyIds[0],
        changedFields: fields,
      }),
      afterUpdate: how.afterUpdate,
    });
    return { ...toMissingPersonDto(updated ?? person), familyIds };
  }
}
