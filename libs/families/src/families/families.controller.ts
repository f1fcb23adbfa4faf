import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { Authenticated, CurrentUser, Permission, type AuthUser } from '@accompany/auth';
import { CreatedAt, IfMatchVersion, Idempotent, UuidParamPipe } from '@accompany/shared';
import {
  CreateFamilyDto,
  FamilyDto,
  FamilyPageDto,
  ListFamiliesQueryDto,
  UpdateFamilyDto,
} from '../dto/family.dto';
import { ReducedFamilyDto } from '../dto/reduced-family.dto';
import { FamiliesService } from './families.service';

@ApiTags('families')
@ApiExtraModels(FamilyDto, ReducedFamilyDto)
@Controller('families')
export class FamiliesController {
  constructor(private readonly families: FamiliesService) {}

  @Post()
  @Idempotent()
  @CreatedAt('/families/{id}')
  @Authenticated({ permission: Permission.FamilyCreate })
  @ApiOperation({ summary: "Register a family in the caller's team (an accompanier's is assigned to them)" })
  register(
    @CurrentUser() user: AuthUser,
    @Body() dto: CreateFamilyDto,
  ): Promise<FamilyDto | ReducedFamilyDto> {
    return this.families.register(user, dto);
  }

  @Get()
  @Authenticated({ permission: Permission.FamilyRead })
  @ApiOperation({ summary: 'Families the caller may see; q matches names of members and missing persons' })
  list(@CurrentUser() user: AuthUser, @Query() query: ListFamiliesQueryDto): Promise<FamilyPageDto> {
    return this.families.list(user, query);
  }

  @Get(':id')
  @Authenticated({ permission: Permission.FamilyRead })
  @ApiOperation({ summary: 'One family with members and missing persons (the read is audited)' })
  @ApiOkResponse({
    description: 'The whole family, or the reduced view when the caller sees it only through a reduced grant',
    schema: { oneOf: [{ $ref: getSchemaPath(FamilyDto) }, { $ref: getSchemaPath(ReducedFamilyDto) }] },
  })
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
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: UpdateFamilyDto,
    @IfMatchVersion() version: number | undefined,
  ): Promise<FamilyDto | ReducedFamilyDto> {
    return this.families.update(user, id, dto, version);
  }
}
