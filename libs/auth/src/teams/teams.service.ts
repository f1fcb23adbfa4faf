import { Injectable } from '@nestjs/common';
import { AuditAction, AuditService, diffFields, VersionedWriter } from '@accompany/audit';
import { TransactionRunner } from '@accompany/persistence';
import { decodeCursor, DEFAULT_PAGE_SIZE, NotFoundError, toPage, type Page } from '@accompany/shared';
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
    private readonly versioned: VersionedWriter,
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
    const { changes, changedFields } = diffFields<Partial<Pick<TeamEntity, 'name' | 'region'>>>(current, {
      name: dto.name,
      region: dto.region,
    });
    const updated = await this.versioned.write({
      actor: auditActorOf(actor),
      currentVersion: current.version,
      expectedVersion,
      changedFields,
      update: (version) => this.teams.update(id, changes, version),
      audit: (fields) => ({
        action: AuditAction.TeamUpdated,
        entityType: 'team',
        entityId: id,
        teamId: id,
        changedFields: fields,
      }),
    });
    return toTeamDto(updated ?? current);
  }
}
