import { Body, Controller, Param, Patch, Post } from '@nestjs/common';
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
import { CreateMemberDto, MemberDto, UpdateMemberDto } from '../dto/member.dto';
import { MembersService } from './members.service';

@ApiTags('families')
@Controller()
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Post('families/:id/members')
  @Idempotent()
  @CreatedAt('/members/{id}')
  @Authenticated({ permission: Permission.FamilyUpdate })
  @ApiOperation({ summary: 'Add a member to a family' })
  @ApiCreated(MemberDto)
  @ApiProblemResponses(404, {
    status: 422,
    description: 'The family is closed, or birthYear and birthDate disagree',
  })
  create(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParamPipe) familyId: string,
    @Body() dto: CreateMemberDto,
  ): Promise<MemberDto> {
    return this.members.create(user, familyId, dto);
  }

  @Patch('members/:id')
  @Authenticated({ permission: Permission.FamilyUpdate })
  @ApiOperation({ summary: "Change a member's details" })
  @ApiIfMatch()
  @ApiOk(MemberDto)
  @ApiProblemResponses(404, {
    status: 422,
    description: 'The family is closed, or birthYear and birthDate disagree',
  })
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: UpdateMemberDto,
    @IfMatchVersion() version: number | undefined,
  ): Promise<MemberDto> {
    return this.members.update(user, id, dto, version);
  }
}
