import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, Permission, type AuthUser } from '@accompany/auth';
import { CreatedAt, IfMatchVersion, Idempotent, UuidParamPipe } from '@accompany/shared';
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
  create(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParamPipe) familyId: string,
    @Body() dto: CreateMissingPersonDto,
  ): Promise<MissingPersonRecordDto> {
    return this.persons.create(user, familyId, dto);
  }

  @Get('missing-persons/:id')
  @Authenticated({ permission: Permission.FamilyRead })
  getById(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParamPipe) id: string,
  ): Promise<MissingPersonRecordDto> {
    return this.persons.getById(user, id);
  }

  @Patch('missing-persons/:id')
  @Authenticated({ permission: Permission.FamilyUpdate })
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
  history(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParamPipe) id: string,
  ): Promise<MissingPersonHistoryDto> {
    return this.persons.history(user, id);
  }
}
