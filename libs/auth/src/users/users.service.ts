import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { AuditAction, AuditService, VersionedWriter } from '@accompany/audit';
import { TransactionRunner } from '@accompany/persistence';
import { decodeCursor, DEFAULT_PAGE_SIZE, toPage, type Page } from '@accompany/shared';
import { auditActorOf, type AuthUser } from '../access/auth-user';
import { Permission } from '../access/permission.enum';
import { hasPermission } from '../access/role-permissions';
import { Role } from '../access/role.enum';
import type {
  CreateUserDto,
  DirectoryEntryDto,
  ListUsersQueryDto,
  UpdateUserDto,
  UserDto,
} from '../dto/user.dto';
import type { UserEntity } from '../entities';
import { PasswordHasher } from '../login/password-hasher';
import { SessionsService, type SessionEndReason } from '../sessions/sessions.service';
import { TeamsRepository } from '../teams/teams.repository';
import { toDirectoryEntry, toUserDto } from './user.mapper';
import { planUserUpdate } from './user-update.plan';
import { UserEvents, type UserLeftTeamEvent } from './users.events';
import { UsersRepository } from './users.repository';
import { adminHasNoTeam, emailTaken, teamRequired, unknownTeam, userNotFound } from './users.errors';

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly teams: TeamsRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly tx: TransactionRunner,
    private readonly versioned: VersionedWriter,
    private readonly events: EventEmitter2,
  ) {}

  async create(actor: AuthUser, dto: CreateUserDto): Promise<UserDto> {
    const email = dto.email.trim().toLowerCase();
    if (dto.role === Role.Admin && dto.teamId !== undefined) throw adminHasNoTeam();
    const teamId = dto.role === Role.Admin ? null : (dto.teamId ?? null);
    if (dto.role !== Role.Admin && teamId === null) throw teamRequired();
    if (teamId !== null) await this.requireTeam(teamId);
    if (await this.users.findByEmail(email)) throw emailTaken();
    const passwordHash = await this.hasher.hash(dto.password);
    return this.tx.run(async () => {
      const user = await this.users.insert({
        email,
        fullName: dto.fullName,
        passwordHash,
        role: dto.role,
        teamId,
      });
      await this.audit.record(auditActorOf(actor), {
        action: AuditAction.UserCreated,
        entityType: 'user',
        entityId: user.id,
        teamId: user.teamId,
        changedFields: ['email', 'fullName', 'password', 'role', 'teamId'],
      });
      return toUserDto(user);
    });
  }

  /** Admins list everyone; supervisors their team; others the active directory of their team. */
  async list(actor: AuthUser, query: ListUsersQueryDto): Promise<Page<UserDto | DirectoryEntryDto>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = query.cursor ? decodeCursor(query.cursor, ['string', 'uuid']) : undefined;
    const scopedTeam = hasPermission(actor.role, Permission.UserManage) ? query.teamId : (actor.teamId ?? '');
    if (scopedTeam !== undefined && query.teamId !== undefined && query.teamId !== scopedTeam) {
      return { items: [], nextCursor: null };
    }
    const directoryOnly = hasPermission(actor.role, Permission.UserReadDirectory);
    const rows = await this.users.findPage({
      teamId: scopedTeam,
      role: query.role,
      activeOnly: directoryOnly,
      after: after ? { fullName: String(after[0]), id: String(after[1]) } : undefined,
      limit,
    });
    return toPage(rows, limit, (u) => [u.fullName, u.id], directoryOnly ? toDirectoryEntry : toUserDto);
  }

  async getById(actor: AuthUser, id: string): Promise<UserDto | DirectoryEntryDto> {
    const user = await this.users.findById(id);
    if (!user || !this.canSee(actor, user)) throw userNotFound();
    return hasPermission(actor.role, Permission.UserReadDirectory) ? toDirectoryEntry(user) : toUserDto(user);
  }

  async update(actor: AuthUser, id: string, dto: UpdateUserDto, expectedVersion?: number): Promise<UserDto> {
    const current = await this.users.findById(id);
    if (!current) throw userNotFound();
    const plan = planUserUpdate(actor.id, current, dto);
    if (plan.changes.teamId) await this.requireTeam(plan.changes.teamId);
    if (dto.password !== undefined) plan.changes.passwordHash = await this.hasher.hash(dto.password);
    const updated = await this.versioned.write({
      actor: auditActorOf(actor),
      currentVersion: current.version,
      expectedVersion,
      changedFields: plan.changedFields,
      update: (version) => this.users.update(id, plan.changes, version),
      audit: (fields) => ({
        action: this.auditActionFor(plan.endSessionsBecause),
        entityType: 'user',
        entityId: id,
        teamId: plan.changes.teamId !== undefined ? plan.changes.teamId : current.teamId,
        changedFields: fields,
      }),
      afterUpdate: async () => {
        if (plan.endSessionsBecause) await this.sessions.endAllForUser(id, plan.endSessionsBecause);
        // Libs holding the user's work in the old team release it in this transaction.
        if (plan.leavesTeam) {
          const event: UserLeftTeamEvent = { userId: id, ...plan.leavesTeam, actor: auditActorOf(actor) };
          await this.events.emitAsync(UserEvents.LeftTeam, event);
        }
      },
    });
    return toUserDto(updated ?? current);
  }

  /** Whether the user is active, in the team and holds the role (e.g. to assign a family). */
  async isActiveMemberWithRole(userId: string, teamId: string, role: Role): Promise<boolean> {
    const user = await this.users.findById(userId);
    return user !== null && user.active && user.teamId === teamId && user.role === role;
  }

  /** Ids of the team's active users holding the role, longest-serving first (e.g. to hand work to). */
  async activeIdsWithRole(teamId: string, role: Role): Promise<string[]> {
    return (await this.users.findActiveInTeam(teamId, role)).map((user) => user.id);
  }

  private canSee(actor: AuthUser, user: UserEntity): boolean {
    if (hasPermission(actor.role, Permission.UserManage)) return true;
    if (user.teamId === null || user.teamId !== actor.teamId) return false;
    return hasPermission(actor.role, Permission.UserReadTeam) || user.active;
  }

  private async requireTeam(teamId: string): Promise<void> {
    if (!(await this.teams.findById(teamId))) throw unknownTeam();
  }

  private auditActionFor(reason: SessionEndReason | null): AuditAction {
    if (reason === 'deactivated') return AuditAction.UserDeactivated;
    if (reason === 'role_changed') return AuditAction.UserRoleChanged;
    if (reason === 'password_reset') return AuditAction.UserPasswordReset;
    return AuditAction.UserUpdated;
  }
}
