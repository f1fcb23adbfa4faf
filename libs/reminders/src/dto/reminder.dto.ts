import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsString, MaxLength, ValidateIf } from 'class-validator';
import { HappenedAt, OptionalField, PageQueryDto } from '@accompany/shared';
import { ReminderKind, ReminderStatus } from '../reminder-kind';

export class ListRemindersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['scheduled', 'due', 'done', 'escalated', 'cancelled'] })
  @OptionalField()
  @IsIn(Object.values(ReminderStatus))
  status?: ReminderStatus;

  @ApiPropertyOptional({
    enum: ['mine', 'team'],
    default: 'mine',
    description: 'team: escalated reminders of the team (supervisors)',
  })
  @OptionalField()
  @IsIn(['mine', 'team'])
  scope?: 'mine' | 'team';
}

/** `{ status: "done", note?, informedAt? }` or a snooze `{ status: "scheduled", dueAt }`. */
export class UpdateReminderDto {
  @ApiProperty({ enum: ['done', 'scheduled'] })
  @IsIn([ReminderStatus.Done, ReminderStatus.Scheduled])
  status!: ReminderStatus.Done | ReminderStatus.Scheduled;

  @ApiPropertyOptional({ description: 'With status done' })
  @OptionalField()
  @IsString()
  @MaxLength(2000)
  note?: string;

  @ApiPropertyOptional({
    description:
      'When the family was told (with status done); not in the future, not before HISTORY_FLOOR_DATE',
  })
  @OptionalField()
  @IsDateString({ strict: true })
  @HappenedAt()
  informedAt?: string;

  @ApiPropertyOptional({ description: 'The new due time of a snooze (required with status scheduled)' })
  @ValidateIf((dto: UpdateReminderDto) => dto.status === ReminderStatus.Scheduled || dto.dueAt !== undefined)
  @IsDateString({ strict: true })
  dueAt?: string;
}

export class ReminderDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ReminderKind }) kind!: ReminderKind;
  @ApiProperty({ format: 'uuid', description: 'The family the reminder is about' }) familyId!: string;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The contact that planned it (follow-ups and retries); null otherwise',
  })
  sourceContactId!: string | null;
  @ApiProperty({ format: 'uuid' }) teamId!: string;
  @ApiProperty({ format: 'uuid' }) assigneeId!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ enum: ReminderStatus }) status!: ReminderStatus;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) escalatedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) doneAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) informedAt!: string | null;
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class ReminderPageDto {
  @ApiProperty({ type: [ReminderDto] }) items!: ReminderDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
