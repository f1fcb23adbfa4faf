import { Body, Controller, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, Permission, type AuthUser } from '@accompany/auth';
import { CreatedAt, IfMatchVersion, Idempotent, UuidParamPipe } from '@accompany/shared';
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
  create(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParamPipe) familyId: string,
    @Body() dto: CreateMemberDto,
  ): Promise<MemberDto> {
    return this.members.create(user, familyId, dto);
  }

  @Patch('members/:id')
  @Authenticated({ permission: Permission.FamilyUpdate })
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: UpdateMemberDto,
    @IfMatchVersion() version: number | undefined,
  ): Promise<MemberDto> {
    return this.members.update(user, id, dto, version);
  }
}
