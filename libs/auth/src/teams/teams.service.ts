import { Injectable } from '@nestjs/common';
import { AuditAction, AuditService } from '@accompany/audit';
import { TransactionRunner } from '@accompany/persistence';
import {
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  NotFoundError,
  PreconditionFailedError,
  toPage,
  type Page,
} from '@accompany/shared';
import { auditActorOf, type AuthUser } from '../access/auth-user';
import { Permission } from '../access/permission.enum';
import { hasPermission } from '../access/role-permissions';
import type { CreateTeamDto, TeamDto, UpdateTeamDto } from '../dto/team.dto';
import type { TeamEntity } from '../entities';
import type { PageQueryDto } from '@accompany/shared';
import { TeamsRepository } from './teams.repository';

const teamNotFound = (): NotFoundError => new NotFoundError('TEAM_NOT_FOUND', 'Team not found.');

function toTeamDto(team: TeamEntity): TeamDto {
  return { id: team.id, name: team.name, region: team.region, version: team.version };
}

/** Admins manage every team; everyone else sees only their own. */
@Injectable()
export class TeamsService {
  constructor(
    private readonly teams: TeamsRepository,
    private readonly audit: AuditService,
    private readonly tx: TransactionRunner,
  ) {}

  create(actor: AuthUser, dto: CreateTeamDto): Promise<TeamDto> {
    return this.tx.run(async () => {
      const team = await this.teams.insert({ name: dto.name, region: dto.region ?? null });
      await this.audit.record(auditActorOf(actor), {
        action: AuditAction.TeamCreated,
        entityType: 'team',
        entityId: team.id,
        teamId: team.id,
        changedFields: dto.region === undefined ? ['name'] : ['name', 'region'],
      });
      return toTeamDto(team);
    });
  }

  async list(actor: AuthUser, query: PageQueryDto): Promise<Page<TeamDto>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = query.cursor ? decodeCursor(query.cursor, ['string', 'uuid']) : undefined;
    const manage = hasPermission(actor.role, Permission.TeamManage);
    if (!manage && actor.teamId === null) return { items: [], nextCursor: null };
    const rows = await this.teams.findPage({
      onlyId: manage ? undefined : (actor.teamId ?? undefined),
      after: after ? { name: String(after[0]), id: String(after[1]) } : undefined,
      limit,
    });
    return toPage(rows, limit, (t) => [t.name, t.id], toTeamDto);
  }

  async getById(actor: AuthUser, id: string): Promise<TeamDto> {
    if (!hasPermission(actor.role, Permission.TeamManage) && actor.teamId !== id) throw teamNotFound();
    const team = await this.teams.findById(id);
    if (!team) throw teamNotFound();
    return toTeamDto(team);
  }

  async update(actor: AuthUser, id: string, dto: UpdateTeamDto, expectedVersion?: number): Promise<TeamDto> {
    const current = await this.teams.findById(id);
    if (!current) throw teamNotFound();
    const changes: Partial<Pick<TeamEntity, 'name' | 'region'>> = {};
    if (dto.name !== undefined && dto.name !== current.name) changes.name = dto.name;
    if (dto.region !== undefined && dto.region !== current.region) changes.region = dto.region;
    const changedFields = Object.keys(changes);
    if (changedFields.length === 0) {
      if (expectedVersion !== undefined && expectedVersion !== current.version) {
        throw new PreconditionFailedError();
      }
      return toTeamDto(current);
    }
    return this.tx.run(async () => {
      const updated = await this.teams.update(id, changes, expectedVersion ?? current.version);
      if (!updated) throw new PreconditionFailedError();
      await this.audit.record(auditActorOf(actor), {
        action: AuditAction.TeamUpdated,
        entityType: 'team',
        entityId: id,
        teamId: id,
        changedFields,
      });
      return toTeamDto(updated);
    });
  }
}
