import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, Permission, type AuthUser } from '@accompany/auth';
import { IfMatchVersion, UuidParamPipe } from '@accompany/shared';
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
  list(@CurrentUser() user: AuthUser, @Query() query: ListRemindersQueryDto): Promise<ReminderPageDto> {
    return this.reminders.list(user, query);
  }

  @Patch(':id')
  @Authenticated({ permission: Permission.ReminderReadOwn })
  @ApiOperation({ summary: 'Mark done (note, informedAt) or snooze to a new dueAt (≤ 90 days)' })
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: UpdateReminderDto,
    @IfMatchVersion() version: number | undefined,
  ): Promise<ReminderDto> {
    return this.reminders.update(user, id, dto, version);
  }
}
