import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDateString,
  IsEnum,
  IsInt,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { HappenedAt, NullableField, OptionalField, trimmed } from '@accompany/shared';

export enum ContactKind {
  HomeVisit = 'home_visit',
  PhoneCall = 'phone_call',
  OfficeVisit = 'office_visit',
  GroupActivity = 'group_activity',
}

export enum Need {
  Psychosocial = 'psychosocial',
  LegalAdministrative = 'legal_administrative',
  Economic = 'economic',
  Health = 'health',
  InformationOnMissing = 'information_on_missing',
}

export class CreateContactDto {
  @ApiProperty({ enum: ContactKind })
  @IsEnum(ContactKind)
  kind!: ContactKind;

  @ApiProperty({
    example: '2026-11-20T09:30:00Z',
    description: 'Not in the future (5 minutes of clock skew allowed), not before HISTORY_FLOOR_DATE',
  })
  @IsDateString({ strict: true })
  @HappenedAt()
  occurredAt!: string;

  @ApiPropertyOptional({ default: true, description: 'false: an attempt (nobody answered)' })
  @OptionalField()
  @IsBoolean()
  contactMade?: boolean;

  @ApiPropertyOptional({ minimum: 0, maximum: 1440 })
  @OptionalField()
  @IsInt()
  @Min(0)
  @Max(1440)
  durationMinutes?: number;

  @ApiPropertyOptional({ type: [String], description: 'Members of this family who took part' })
  @OptionalField()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  participantIds?: string[];

  @ApiProperty()
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(10000)
  summary!: string;

  @ApiPropertyOptional({ enum: Need, isArray: true })
  @OptionalField()
  @IsArray()
  @ArrayUnique()
  @IsEnum(Need, { each: true })
  needs?: Need[];

  @ApiPropertyOptional()
  @OptionalField()
  @IsString()
  @MaxLength(5000)
  actionsAgreed?: string;

  @ApiPropertyOptional({ description: 'When the next contact is due; default: the follow-up cadence' })
  @OptionalField()
  @IsDateString({ strict: true })
  nextFollowUpAt?: string;
}

export class UpdateContactDto {
  @ApiPropertyOptional({ enum: ContactKind }) @OptionalField() @IsEnum(ContactKind) kind?: ContactKind;
  @ApiPropertyOptional({ description: 'Not in the future, not before HISTORY_FLOOR_DATE' })
  @OptionalField()
  @IsDateString({ strict: true })
  @HappenedAt()
  occurredAt?: string;

  @ApiPropertyOptional() @OptionalField() @IsBoolean() contactMade?: boolean;

  @ApiPropertyOptional({ nullable: true, type: Number })
  @NullableField()
  @IsInt()
  @Min(0)
  @Max(1440)
  durationMinutes?: number | null;

  @ApiPropertyOptional({ type: [String] })
  @OptionalField()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  participantIds?: string[];

  @ApiPropertyOptional()
  @OptionalField()
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(10000)
  summary?: string;

  @ApiPropertyOptional({ enum: Need, isArray: true })
  @OptionalField()
  @IsArray()
  @ArrayUnique()
  @IsEnum(Need, { each: true })
  needs?: Need[];

  @ApiPropertyOptional({ nullable: true, type: String })
  @NullableField()
  @IsString()
  @MaxLength(5000)
  actionsAgreed?: string | null;
}

export class CreateCorrectionDto {
  @ApiProperty()
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  text!: string;
}

export class CorrectionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) contactId!: string;
  @ApiProperty({ format: 'uuid' }) authorId!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ContactDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) familyId!: string;
  @ApiProperty({ format: 'uuid' }) authorId!: string;
  @ApiProperty({ enum: ContactKind }) kind!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty() contactMade!: boolean;
  @ApiProperty({ nullable: true, type: 'integer' }) durationMinutes!: number | null;
  @ApiProperty({ type: [String] }) participantIds!: string[];
  @ApiProperty() summary!: string;
  @ApiProperty({ enum: Need, isArray: true }) needs!: string[];
  @ApiProperty({ nullable: true, type: String }) actionsAgreed!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) nextFollowUpAt!: string | null;
  @ApiProperty({ type: [CorrectionDto] }) corrections!: CorrectionDto[];
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class ContactPageDto {
  @ApiProperty({ type: [ContactDto] }) items!: ContactDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
