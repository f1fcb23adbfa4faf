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
  PageQueryDto,
  UuidParamPipe,
} from '@accompany/shared';
import { ContactsService } from './contacts.service';
import {
  ContactDto,
  ContactPageDto,
  CorrectionDto,
  CreateContactDto,
  CreateCorrectionDto,
  UpdateContactDto,
} from './dto/contact.dto';

@ApiTags('contacts')
@Controller()
export class ContactsController {
  constructor(private readonly contacts: ContactsService) {}

  @Post('families/:id/contacts')
  @Idempotent()
  @CreatedAt('/contacts/{id}')
  @Authenticated({ permission: Permission.ContactCreate })
  @ApiOperation({
    summary: 'Record a visit, call or activity with an assigned family; plans the next follow-up',
  })
  @ApiCreated(ContactDto)
  @ApiProblemResponses(404, {
    status: 422,
    description: 'The family is closed, a participant is not its member, or a time is out of range',
  })
  record(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParamPipe) familyId: string,
    @Body() dto: CreateContactDto,
  ): Promise<ContactDto> {
    return this.contacts.record(user, familyId, dto);
  }

  @Get('families/:id/contacts')
  @Authenticated({ permission: Permission.ContactRead })
  @ApiOperation({ summary: "A family's contacts, newest first" })
  @ApiOk(ContactPageDto)
  @ApiProblemResponses(400, 404)
  list(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParamPipe) familyId: string,
    @Query() query: PageQueryDto,
  ): Promise<ContactPageDto> {
    return this.contacts.list(user, familyId, query);
  }

  @Patch('contacts/:id')
  @Authenticated({ permission: Permission.ContactCreate })
  @ApiOperation({
    summary: 'The author edits a contact within 24 h of recording it (422 later, 403 for others)',
  })
  @ApiIfMatch()
  @ApiOk(ContactDto)
  @ApiProblemResponses(
    404,
    { status: 403, description: 'The role may never do this, or the caller is not the author' },
    { status: 422, description: 'More than 24 h after recording, or the change breaks a contact rule' },
  )
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: UpdateContactDto,
    @IfMatchVersion() version: number | undefined,
  ): Promise<ContactDto> {
    return this.contacts.update(user, id, dto, version);
  }

  @Post('contacts/:id/corrections')
  @Idempotent()
  @Authenticated({ permission: Permission.ContactCreate })
  @ApiOperation({ summary: 'Append a correction to a contact (its author)' })
  @ApiCreated(CorrectionDto)
  @ApiProblemResponses(404, {
    status: 403,
    description: 'The role may never do this, or the caller is not the author',
  })
  correct(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: CreateCorrectionDto,
  ): Promise<CorrectionDto> {
    return this.contacts.correct(user, id, dto);
  }
}
