import { FamilyView } from '../access/visibility-rule';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsIn,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  NullableField,
  OptionalField,
  PageQueryDto,
  RequiresEntriesAcross,
  trimmed,
} from '@accompany/shared';
import { ClosureReason, FamilyStatus } from '../domain/family-status';
import { CreateMemberDto, MemberDto } from './member.dto';
import { CreateMissingPersonDto, MissingPersonDto } from './missing-person.dto';
import { MissingPersonNameDto } from './reduced-family.dto';

export class ConsentInputDto {
  @ApiPropertyOptional() @OptionalField() @IsBoolean() dataProcessing?: boolean;
  @ApiPropertyOptional() @OptionalField() @IsBoolean() sharingWithAuthorities?: boolean;
  @ApiPropertyOptional() @OptionalField() @IsBoolean() psychosocialSupport?: boolean;
}

/** The lists of which a new family needs at least one entry. */
const FAMILY_LISTS = ['members', 'missingPersons'] as const;

const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export class CreateFamilyDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Supervisors only; an accompanier is assigned their own families',
  })
  @OptionalField()
  @IsUUID()
  assignedAccompanierId?: string;

  @ApiPropertyOptional()
  @OptionalField()
  @Transform(trimmed)
  @IsString()
  @MaxLength(500)
  address?: string;

  @ApiPropertyOptional({ example: 'az', description: 'BCP 47 language tag' })
  @OptionalField()
  @IsString()
  @Matches(LANGUAGE_TAG, { message: 'preferredLanguage must be a language tag such as az or ru' })
  preferredLanguage?: string;

  @ApiPropertyOptional({ type: ConsentInputDto })
  @OptionalField()
  @ValidateNested()
  @Type(() => ConsentInputDto)
  consent?: ConsentInputDto;

  @ApiPropertyOptional({
    type: [CreateMemberDto],
    description: 'A family needs at least one member or one missing person',
  })
  @RequiresEntriesAcross(FAMILY_LISTS, 'a family needs at least one member or one missing person')
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CreateMemberDto)
  members?: CreateMemberDto[];

  @ApiPropertyOptional({ type: [CreateMissingPersonDto] })
  @OptionalField()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CreateMissingPersonDto)
  missingPersons?: CreateMissingPersonDto[];
}

export class UpdateFamilyDto {
  @ApiPropertyOptional({ enum: FamilyStatus })
  @OptionalField()
  @IsEnum(FamilyStatus)
  status?: FamilyStatus;

  @ApiPropertyOptional({ enum: ClosureReason, description: 'Required when closing' })
  @ValidateIf((dto: UpdateFamilyDto) => dto.status === FamilyStatus.Closed || dto.closureReason !== undefined)
  @IsIn(Object.values(ClosureReason), {
    message: 'closureReason is required when closing and must be a known reason',
  })
  closureReason?: ClosureReason;

  @ApiPropertyOptional()
  @OptionalField()
  @IsString()
  @MaxLength(2000)
  closureNote?: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'Supervisors only' })
  @NullableField()
  @IsUUID()
  assignedAccompanierId?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'null clears it' })
  @NullableField()
  @Transform(trimmed)
  @IsString()
  @MaxLength(500)
  address?: string | null;

  @ApiPropertyOptional({ example: 'ru', nullable: true, type: String, description: 'null clears it' })
  @NullableField()
  @IsString()
  @Matches(LANGUAGE_TAG, { message: 'preferredLanguage must be a language tag such as az or ru' })
  preferredLanguage?: string | null;

  @ApiPropertyOptional({ type: ConsentInputDto })
  @OptionalField()
  @ValidateNested()
  @Type(() => ConsentInputDto)
  consent?: ConsentInputDto;
}

export class ListFamiliesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Name of a member or missing person, any case or accents' })
  @OptionalField()
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: FamilyStatus })
  @OptionalField()
  @IsEnum(FamilyStatus)
  status?: FamilyStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @OptionalField()
  @IsUUID()
  assignedAccompanierId?: string;
}

export class ConsentRecordDto {
  @ApiProperty() given!: boolean;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ format: 'uuid' }) recordedBy!: string;
}

export class ConsentDto {
  @ApiProperty({ type: ConsentRecordDto, nullable: true }) dataProcessing!: ConsentRecordDto | null;
  @ApiProperty({ type: ConsentRecordDto, nullable: true }) sharingWithAuthorities!: ConsentRecordDto | null;
  @ApiProperty({ type: ConsentRecordDto, nullable: true }) psychosocialSupport!: ConsentRecordDto | null;
}

export class FamilyDto {
  @ApiProperty({ enum: [FamilyView.Full] }) view!: FamilyView.Full;
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'FAM-2026-000123' }) reference!: string;
  @ApiProperty({ format: 'uuid' }) teamId!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) assignedAccompanierId!: string | null;
  @ApiProperty({ enum: FamilyStatus }) status!: FamilyStatus;
  @ApiProperty({ enum: ClosureReason, nullable: true }) closureReason!: ClosureReason | null;
  @ApiProperty({ nullable: true, type: String }) closureNote!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) closedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) preferredLanguage!: string | null;
  @ApiProperty({ nullable: true, type: String }) address!: string | null;
  @ApiProperty({ type: ConsentDto }) consent!: ConsentDto;
  @ApiProperty({ type: [MemberDto] }) members!: MemberDto[];
  @ApiProperty({ type: [MissingPersonDto] }) missingPersons!: MissingPersonDto[];
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty({ format: 'uuid' }) createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class FamilySummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() reference!: string;
  @ApiProperty({ format: 'uuid' }) teamId!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) assignedAccompanierId!: string | null;
  @ApiProperty({ enum: FamilyStatus }) status!: FamilyStatus;
  @ApiProperty({ nullable: true, type: String }) preferredLanguage!: string | null;
  @ApiProperty({
    type: [MissingPersonNameDto],
    description: 'Names and statuses of the missing persons sought',
  })
  missingPersons!: MissingPersonNameDto[];
  @ApiProperty({ type: 'integer' }) memberCount!: number;
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class FamilyPageDto {
  @ApiProperty({ type: [FamilySummaryDto] }) items!: FamilySummaryDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
