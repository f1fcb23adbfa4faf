import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsEnum,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { OptionalField, PageQueryDto, trimmed } from '@accompany/shared';
import { Role } from '../access/role.enum';
import { PASSWORD_MAX, PASSWORD_MIN } from './auth.dto';

export class CreateUserDto {
  @ApiProperty()
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty()
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  fullName!: string;

  @ApiProperty({ format: 'password', minLength: PASSWORD_MIN })
  @IsString()
  @MinLength(PASSWORD_MIN)
  @MaxLength(PASSWORD_MAX)
  password!: string;

  @ApiProperty({ enum: Role })
  @IsEnum(Role)
  role!: Role;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for every role but admin' })
  @ValidateIf((dto: CreateUserDto) => dto.role !== Role.Admin || dto.teamId !== undefined)
  @IsUUID()
  teamId?: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional()
  @OptionalField()
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  fullName?: string;

  @ApiPropertyOptional({ enum: Role })
  @OptionalField()
  @IsEnum(Role)
  role?: Role;

  @ApiPropertyOptional({ format: 'uuid', description: 'Left out for admins' })
  @OptionalField()
  @IsUUID()
  teamId?: string;

  @ApiPropertyOptional()
  @OptionalField()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    format: 'password',
    minLength: PASSWORD_MIN,
    description: 'Admin reset; ends sessions',
  })
  @OptionalField()
  @IsString()
  @MinLength(PASSWORD_MIN)
  @MaxLength(PASSWORD_MAX)
  password?: string;
}

export class ListUsersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @OptionalField()
  @IsUUID()
  teamId?: string;

  @ApiPropertyOptional({ enum: Role })
  @OptionalField()
  @IsEnum(Role)
  role?: Role;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ enum: Role }) role!: Role;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) teamId!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

/** What accompaniers and psychologists see of their colleagues. */
export class DirectoryEntryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ enum: Role }) role!: Role;
}

@ApiExtraModels(UserDto, DirectoryEntryDto)
export class UserPageDto {
  @ApiProperty({
    type: 'array',
    items: { anyOf: [{ $ref: getSchemaPath(UserDto) }, { $ref: getSchemaPath(DirectoryEntryDto) }] },
    description: 'Whole users for admins and supervisors; directory entries (id, fullName, role) for others',
  })
  items!: Array<UserDto | DirectoryEntryDto>;
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
