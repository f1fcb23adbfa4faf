import { Injectable } from '@nestjs/common';
import { AuditAction, AuditService, diffFields, VersionedWriter } from '@accompany/audit';
import { auditActorOf, type AuthUser } from '@accompany/auth';
import { TransactionRunner } from '@accompany/persistence';
import { CaseAccess } from '../case/case-access';
import { searchTextOf } from '../domain/name-search';
import { Sex, type CreateMemberDto, type MemberDto, type UpdateMemberDto } from '../dto/member.dto';
import { birthYearMismatch, memberNotFound } from '../families.errors';
import { toMemberDto } from './member.mapper';
import { MembersRepository, type MemberChanges } from './members.repository';

/** Relatives of a family; visible and writable exactly when their family is. */
@Injectable()
export class MembersService {
  constructor(
    private readonly members: MembersRepository,
    private readonly cases: CaseAccess,
    private readonly audit: AuditService,
    private readonly tx: TransactionRunner,
    private readonly versioned: VersionedWriter,
  ) {}

  /** Birth year and date, when both given, must agree (422 naming the field). */
  checkBirth(dto: { birthDate?: string | null; birthYear?: number | null }, path: string): void {
    if (dto.birthDate && dto.birthYear && Number(dto.birthDate.slice(0, 4)) !== dto.birthYear) {
      throw birthYearMismatch(path ? `${path}.birthYear` : 'birthYear');
    }
  }

  async create(user: AuthUser, familyId: string, dto: CreateMemberDto): Promise<MemberDto> {
    const family = await this.cases.requireVisible(user, familyId);
    this.checkBirth(dto, '');
    return this.tx.run(() => this.addToFamily(user, familyId, family.teamId, dto));
  }

  /** Inserts and audits a member; joins the caller's transaction (used by family registration). */
  async addToFamily(
    user: AuthUser,
    familyId: string,
    teamId: string,
    dto: CreateMemberDto,
  ): Promise<MemberDto> {
    const member = await this.members.insert({
      familyId,
      fullName: dto.fullName,
      otherNames: dto.otherNames ?? [],
      searchText: searchTextOf(dto.fullName, dto.otherNames),
      sex: dto.sex ?? Sex.Unknown,
      birthDate: dto.birthDate ?? null,
      birthYear: dto.birthYear ?? (dto.birthDate ? Number(dto.birthDate.slice(0, 4)) : null),
      relationship: dto.relationship,
      isContactPerson: dto.isContactPerson ?? false,
      phone: dto.phone ?? null,
    });
    await this.audit.record(auditActorOf(user), {
      action: AuditAction.MemberCreated,
      entityType: 'member',
      entityId: member.id,
      familyId,
      teamId,
      changedFields: Object.keys(dto),
    });
    return toMemberDto(member);
  }

  async update(
    user: AuthUser,
    id: string,
    dto: UpdateMemberDto,
    expectedVersion?: number,
  ): Promise<MemberDto> {
    const current = await this.members.findById(id);
    const family = current && (await this.cases.findVisible(user, current.familyId));
    if (!current || !family) throw memberNotFound();
    // A corrected birth date carries its year along unless a year is sent too.
    const patch: UpdateMemberDto = { ...dto };
    if (dto.birthDate && dto.birthYear === undefined) patch.birthYear = Number(dto.birthDate.slice(0, 4));
    this.checkBirth(
      {
        birthDate: patch.birthDate !== undefined ? patch.birthDate : current.birthDate,
        birthYear: patch.birthYear !== undefined ? patch.birthYear : current.birthYear,
      },
      '',
    );
    const { changes, changedFields } = diffFields<MemberChanges>(current, patch);
    if (changes.fullName !== undefined || changes.otherNames !== undefined) {
      changes.searchText = searchTextOf(
        changes.fullName ?? current.fullName,
        changes.otherNames ?? current.otherNames,
      );
    }
    const updated = await this.versioned.write({
      actor: auditActorOf(user),
      currentVersion: current.version,
      expectedVersion,
      changedFields,
      update: (version) => this.members.update(id, version, changes),
      audit: (fields) => ({
        action: AuditAction.MemberUpdated,
        entityType: 'member',
        entityId: id,
        familyId: current.familyId,
        teamId: family.teamId,
        changedFields: fields,
      }),
    });
    return toMemberDto(updated ?? current);
  }
}
