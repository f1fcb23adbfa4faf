import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, Permission, type AuthUser } from '@accompany/auth';
import { ApiIfMatch, ApiOk, ApiProblemResponses, IfMatchVersion, UuidParamPipe } from '@accompany/shared';
import { ListRemindersQueryDto, ReminderDto, ReminderPageDto, UpdateReminderDto } from './dto/reminder.dto';
import { RemindersService } from './reminders.service';

@ApiTags('reminders')
@Controller('reminders')
export class RemindersController {
  constructor(private readonly reminders: RemindersService) {}

  @Get()
  @Authenticated({ permission: Permission.ReminderReadOwn })
  @ApiOperation({
    summary: "The caller's reminders (open by default), or the team's escalated ones (scope=team)",
  })
  @ApiOk(ReminderPageDto)
  @ApiProblemResponses(400, {
    status: 403,
    description: 'The role may never do this, or scope=team asked by someone other than a supervisor',
  })
  list(@CurrentUser() user: AuthUser, @Query() query: ListRemindersQueryDto): Promise<ReminderPageDto> {
    return this.reminders.list(user, query);
  }

  @Patch(':id')
  @Authenticated({ permission: Permission.ReminderReadOwn })
  @ApiOperation({ summary: 'Mark done (note, informedAt) or snooze to a new dueAt (≤ 90 days)' })
  @ApiIfMatch()
  @ApiOk(ReminderDto)
  @ApiProblemResponses(404, {
    status: 422,
    description: 'The reminder is already done or cancelled, or the snooze is out of range',
  })
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: UpdateReminderDto,
    @IfMatchVersion() version: number | undefined,
  ): Promise<ReminderDto> {
    return this.reminders.update(user, id, dto, version);
  }
}
