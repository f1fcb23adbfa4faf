import { ApiProperty } from '@nestjs/swagger';
import { OptionalField } from '@accompany/shared';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

export class LoginDto {
  @ApiProperty({ example: 'admin@accompany.local' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ format: 'password' })
  @IsString()
  @MinLength(1)
  @MaxLength(PASSWORD_MAX)
  password!: string;
}

export class RefreshDto {
  @ApiProperty({
    required: false,
    description: 'Required unless the browser sends the refresh cookie (then leave it out)',
  })
  @OptionalField()
  @IsString()
  @MinLength(16)
  @MaxLength(256)
  refreshToken?: string;
}

export class ChangePasswordDto {
  @ApiProperty({ format: 'password' })
  @IsString()
  @MinLength(1)
  @MaxLength(PASSWORD_MAX)
  currentPassword!: string;

  @ApiProperty({ format: 'password', minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX })
  @IsString()
  @MinLength(PASSWORD_MIN)
  @MaxLength(PASSWORD_MAX)
  newPassword!: string;
}

export class TokenPairDto {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ required: false, description: 'Left out when the refresh token went into the cookie' })
  refreshToken?: string;
  @ApiProperty({ description: 'Access token lifetime in seconds', type: 'integer' }) expiresIn!: number;
}

export class MeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ enum: ['admin', 'supervisor', 'accompanier', 'psychologist'] }) role!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) teamId!: string | null;
}
