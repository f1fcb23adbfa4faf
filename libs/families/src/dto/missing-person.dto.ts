import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { HappenedAt, IsDateOnly, NullableField, OptionalField, trimmed } from '@accompany/shared';
import { MissingPersonStatus } from '../domain/missing-person-status';
import { Sex } from './member.dto';
import { OtherNames, PersonName } from './person-name.decorators';

export class ExternalReferenceDto {
  @ApiProperty({ example: 'State Commission' })
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  authority!: string;

  @ApiProperty({ example: 'SC-1993-04417' })
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  number!: string;
}

export class CreateMissingPersonDto {
  @PersonName('Elçin Məmmədov')
  fullName!: string;

  @OtherNames(['Эльчин Мамедов', 'Elchin Mammadov'])
  otherNames?: string[];

  @ApiPropertyOptional({ enum: Sex, default: Sex.Unknown })
  @OptionalField()
  @IsEnum(Sex)
  sex?: Sex;

  @ApiPropertyOptional({
    example: '1971-09-14',
    nullable: true,
    type: String,
    description: 'Not in the future, not before 1900-01-01',
  })
  @NullableField()
  @IsDateOnly()
  @HappenedAt({ floor: 'birth' })
  birthDate?: string;

  @ApiPropertyOptional({
    example: '1993-04-02',
    nullable: true,
    type: String,
    description: 'Not in the future, not before HISTORY_FLOOR_DATE',
  })
  @NullableField()
  @IsDateOnly()
  @HappenedAt()
  disappearedOn?: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @NullableField()
  @Transform(trimmed)
  @IsString()
  @MaxLength(500)
  disappearancePlace?: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @NullableField()
  @IsString()
  @MaxLength(5000)
  circumstances?: string;

  @ApiPropertyOptional({ type: [ExternalReferenceDto] })
  @OptionalField()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ExternalReferenceDto)
  externalReferences?: ExternalReferenceDto[];
}

export class UpdateMissingPersonDto extends PartialType(CreateMissingPersonDto, {
  skipNullProperties: false,
}) {}

export class ChangeMissingPersonStatusDto {
  @ApiProperty({ enum: MissingPersonStatus })
  @IsEnum(MissingPersonStatus)
  status!: MissingPersonStatus;

  @ApiProperty({ description: 'Why the status changes (kept in the history)' })
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason!: string;
}

export class MissingPersonDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ type: [String] }) otherNames!: string[];
  @ApiProperty({ enum: Sex }) sex!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) birthDate!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) disappearedOn!: string | null;
  @ApiProperty({ nullable: true, type: String }) disappearancePlace!: string | null;
  @ApiProperty({ nullable: true, type: String }) circumstances!: string | null;
  @ApiProperty({ type: [ExternalReferenceDto] }) externalReferences!: ExternalReferenceDto[];
  @ApiProperty({ enum: MissingPersonStatus }) status!: MissingPersonStatus;
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class MissingPersonStatusChangeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, enum: MissingPersonStatus }) fromStatus!: string | null;
  @ApiProperty({ enum: MissingPersonStatus }) toStatus!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'uuid' }) changedBy!: string;
  @ApiProperty({ format: 'date-time' }) changedAt!: string;
}

export class MissingPersonHistoryDto {
  @ApiProperty({ type: [MissingPersonStatusChangeDto] }) items!: MissingPersonStatusChangeDto[];
}
