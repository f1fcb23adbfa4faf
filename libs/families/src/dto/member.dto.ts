import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsInt, IsString, Matches } from 'class-validator';
import { BornIn, HappenedAt, IsDateOnly, NullableField, OptionalField, trimmed } from '@accompany/shared';
import { OtherNames, PersonName } from './person-name.decorators';

export enum Sex {
  Female = 'female',
  Male = 'male',
  Other = 'other',
  Unknown = 'unknown',
}

export enum Relationship {
  Mother = 'mother',
  Father = 'father',
  Spouse = 'spouse',
  Child = 'child',
  Sibling = 'sibling',
  Grandparent = 'grandparent',
  Grandchild = 'grandchild',
  OtherRelative = 'other_relative',
  Other = 'other',
}

export class CreateMemberDto {
  @PersonName('Aysel Məmmədova')
  fullName!: string;

  @OtherNames(['Айсель Мамедова', 'Aysel Mamedova'])
  otherNames?: string[];

  @ApiPropertyOptional({ enum: Sex, default: Sex.Unknown })
  @OptionalField()
  @IsEnum(Sex)
  sex?: Sex;

  @ApiPropertyOptional({
    example: '1968-04-02',
    nullable: true,
    type: String,
    description: 'Not in the future, not before 1900-01-01',
  })
  @NullableField()
  @IsDateOnly()
  @HappenedAt({ floor: 'birth' })
  birthDate?: string;

  @ApiPropertyOptional({
    example: 1968,
    nullable: true,
    type: Number,
    description: 'When only the year is known; from 1900 to this year',
  })
  @NullableField()
  @IsInt()
  @BornIn()
  birthYear?: number;

  @ApiProperty({ enum: Relationship, description: 'Relationship to the missing person' })
  @IsEnum(Relationship)
  relationship!: Relationship;

  @ApiPropertyOptional({ default: false })
  @OptionalField()
  @IsBoolean()
  isContactPerson?: boolean;

  @ApiPropertyOptional({ example: '+994 50 123 45 67', nullable: true, type: String })
  @NullableField()
  @Transform(trimmed)
  @IsString()
  @Matches(/^\+?[0-9 ()-]{3,40}$/, { message: 'phone must be digits, spaces, +, -, ( or )' })
  phone?: string;
}

export class UpdateMemberDto extends PartialType(CreateMemberDto, { skipNullProperties: false }) {}

export class MemberDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) familyId!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ type: [String] }) otherNames!: string[];
  @ApiProperty({ enum: Sex }) sex!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) birthDate!: string | null;
  @ApiProperty({ nullable: true, type: 'integer' }) birthYear!: number | null;
  @ApiProperty({ enum: Relationship }) relationship!: string;
  @ApiProperty() isContactPerson!: boolean;
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}
