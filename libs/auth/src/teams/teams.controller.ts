import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreatedAt,
  ApiCreated,
  ApiIfMatch,
  ApiOk,
  ApiProblemResponses,
  IfMatchVersion,
  Idempotent,
  PageQueryDto,
  UuidParamPipe,
} from '@accompany/shared';
import type { AuthUser } from '../access/auth-user';
import { Authenticated, CurrentUser } from '../access/decorators';
import { Permission } from '../access/permission.enum';
import { CreateTeamDto, TeamDto, TeamPageDto, UpdateTeamDto } from '../dto/team.dto';
import { TeamsService } from './teams.service';

@ApiTags('teams')
@Controller('teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Post()
  @Idempotent()
  @CreatedAt('/teams/{id}')
  @Authenticated({ permission: Permission.TeamManage })
  @ApiOperation({ summary: 'Create a team (admin)' })
  @ApiCreated(TeamDto)
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateTeamDto): Promise<TeamDto> {
    return this.teams.create(user, dto);
  }

  @Get()
  @Authenticated({ permission: Permission.TeamRead })
  @ApiOperation({ summary: 'All teams for admins; the own team for everyone else' })
  @ApiOk(TeamPageDto)
  @ApiProblemResponses(400)
  list(@CurrentUser() user: AuthUser, @Query() query: PageQueryDto): Promise<TeamPageDto> {
    return this.teams.list(user, query);
  }

  @Get(':id')
  @Authenticated({ permission: Permission.TeamRead })
  @ApiOperation({ summary: 'One team (admins: any; others: their own)' })
  @ApiOk(TeamDto)
  @ApiProblemResponses(400, 404)
  getById(@CurrentUser() user: AuthUser, @Param('id', UuidParamPipe) id: string): Promise<TeamDto> {
    return this.teams.getById(user, id);
  }

  @Patch(':id')
  @Authenticated({ permission: Permission.TeamManage })
  @ApiOperation({ summary: 'Rename a team or change its region (admin)' })
  @ApiIfMatch()
  @ApiOk(TeamDto)
  @ApiProblemResponses(400, 404, 409)
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: UpdateTeamDto,
    @IfMatchVersion() version: number | undefined,
  ): Promise<TeamDto> {
    return this.teams.update(user, id, dto, version);
  }
}
