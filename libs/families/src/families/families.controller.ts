import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, Permission, type AuthUser } from '@accompany/auth';
import {
  CreatedAt,
  ApiCreated,
  ApiIfMatch,
  ApiOk,
  ApiProblemResponses,
  IfMatchVersion,
  Idempotent,
  UuidParamPipe,
} from '@accompany/shared';
import {
  CreateFamilyDto,
  FamilyDto,
  FamilyPageDto,
  ListFamiliesQueryDto,
  UpdateFamilyDto,
} from '../dto/family.dto';
import { ReducedFamilyDto } from '../dto/reduced-family.dto';
import { FamiliesService } from './families.service';

/** A family answers in the view the caller has of it, told apart by `view`. */
const FAMILY_VIEWS = { oneOf: [FamilyDto, ReducedFamilyDto] };

@ApiTags('families')
@Controller('families')
export class FamiliesController {
  constructor(private readonly families: FamiliesService) {}

  @Post()
  @Idempotent()
  @CreatedAt('/families/{id}')
  @Authenticated({ permission: Permission.FamilyCreate })
  @ApiOperation({ summary: "Register a family in the caller's team (an accompanier's is assigned to them)" })
  @ApiCreated(FAMILY_VIEWS, 'The family as the caller now sees it')
  @ApiProblemResponses({
    status: 422,
    description: 'No member and no missing person, an unknown accompanier, or inconsistent dates',
  })
  register(
    @CurrentUser() user: AuthUser,
    @Body() dto: CreateFamilyDto,
  ): Promise<FamilyDto | ReducedFamilyDto> {
    return this.families.register(user, dto);
  }

  @Get()
  @Authenticated({ permission: Permission.FamilyRead })
  @ApiOperation({ summary: 'Families the caller may see; q matches names of members and missing persons' })
  @ApiOk(FamilyPageDto)
  @ApiProblemResponses(400)
  list(@CurrentUser() user: AuthUser, @Query() query: ListFamiliesQueryDto): Promise<FamilyPageDto> {
    return this.families.list(user, query);
  }

  @Get(':id')
  @Authenticated({ permission: Permission.FamilyRead })
  @ApiOperation({ summary: 'One family with members and missing persons (the read is audited)' })
  @ApiOk(
    FAMILY_VIEWS,
    'The whole family, or the reduced view when the caller sees it only through a reduced grant',
  )
  @ApiProblemResponses(400, 404)
  getById(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParamPipe) id: string,
  ): Promise<FamilyDto | ReducedFamilyDto> {
    return this.families.getById(user, id);
  }

  @Patch(':id')
  @Authenticated({ permission: Permission.FamilyUpdate })
  @ApiOperation({
    summary: 'Update, change status, close (supervisor), reopen (supervisor) or assign (supervisor)',
  })
  @ApiIfMatch()
  @ApiOk(FAMILY_VIEWS, 'The family after the change')
  @ApiProblemResponses(
    400,
    404,
    {
      status: 403,
      description: 'The role may never do this, or only a supervisor may (close, reopen, assign)',
    },
    { status: 422, description: 'A status move the rules forbid, or an unknown accompanier' },
  )
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: UpdateFamilyDto,
    @IfMatchVersion() version: number | undefined,
  ): Promise<FamilyDto | ReducedFamilyDto> {
    return this.families.update(user, id, dto, version);
  }
}
