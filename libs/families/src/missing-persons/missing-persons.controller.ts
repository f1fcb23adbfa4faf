import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
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
  ChangeMissingPersonStatusDto,
  CreateMissingPersonDto,
  MissingPersonHistoryDto,
  UpdateMissingPersonDto,
} from '../dto/missing-person.dto';
import { MissingPersonRecordDto } from '../dto/missing-person-record.dto';
import { MissingPersonsService } from './missing-persons.service';

@ApiTags('missing persons')
@Controller()
export class MissingPersonsController {
  constructor(private readonly persons: MissingPersonsService) {}

  @Post('families/:id/missing-persons')
  @Idempotent()
  @CreatedAt('/missing-persons/{id}')
  @Authenticated({ permission: Permission.FamilyUpdate })
  @ApiOperation({ summary: 'Register a missing person sought by this family (status missing)' })
  @ApiCreated(MissingPersonRecordDto)
  @ApiProblemResponses(404, {
    status: 422,
    description: 'The family is closed, or the dates are inconsistent',
  })
  create(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParamPipe) familyId: string,
    @Body() dto: CreateMissingPersonDto,
  ): Promise<MissingPersonRecordDto> {
    return this.persons.create(user, familyId, dto);
  }

  @Get('missing-persons/:id')
  @Authenticated({ permission: Permission.FamilyRead })
  @ApiOperation({ summary: 'One missing person (the whole view of a family that seeks them is needed)' })
  @ApiOk(MissingPersonRecordDto)
  @ApiProblemResponses(400, 404)
  getById(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParamPipe) id: string,
  ): Promise<MissingPersonRecordDto> {
    return this.persons.getById(user, id);
  }

  @Patch('missing-persons/:id')
  @Authenticated({ permission: Permission.FamilyUpdate })
  @ApiOperation({ summary: "Change a missing person's details (not the status)" })
  @ApiIfMatch()
  @ApiOk(MissingPersonRecordDto)
  @ApiProblemResponses(404, {
    status: 422,
    description: 'The family is closed, or the dates are inconsistent',
  })
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: UpdateMissingPersonDto,
    @IfMatchVersion() version: number | undefined,
  ): Promise<MissingPersonRecordDto> {
    return this.persons.update(user, id, dto, version);
  }

  @Post('missing-persons/:id/status')
  @HttpCode(200)
  @Authenticated({ permission: Permission.MissingPersonStatusChange })
  @ApiOperation({ summary: 'Change the status with a reason; 422 for a move the status rules forbid' })
  @ApiIfMatch()
  @ApiOk(MissingPersonRecordDto)
  @ApiProblemResponses(404, { status: 422, description: 'A status move the rules forbid' })
  changeStatus(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: ChangeMissingPersonStatusDto,
    @IfMatchVersion() version: number | undefined,
  ): Promise<MissingPersonRecordDto> {
    return this.persons.changeStatus(user, id, dto, version);
  }

  @Get('missing-persons/:id/history')
  @Authenticated({ permission: Permission.FamilyRead })
  @ApiOperation({ summary: 'Every status change of a missing person, oldest first' })
  @ApiOk(MissingPersonHistoryDto)
  @ApiProblemResponses(400, 404)
  history(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParamPipe) id: string,
  ): Promise<MissingPersonHistoryDto> {
    return this.persons.history(user, id);
  }
}
