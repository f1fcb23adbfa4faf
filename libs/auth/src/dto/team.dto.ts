import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { NullableField, OptionalField, trimmed } from '@accompany/shared';

export class CreateTeamDto {
  @ApiProperty({ example: 'Barda field office' })
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name!: string;

  @ApiPropertyOptional({ example: 'Karabakh' })
  @OptionalField()
  @Transform(trimmed)
  @IsString()
  @MaxLength(120)
  region?: string;
}

export class UpdateTeamDto {
  @ApiPropertyOptional()
  @OptionalField()
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name?: string;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'null clears it' })
  @NullableField()
  @Transform(trimmed)
  @IsString()
  @MaxLength(120)
  region?: string | null;
}

export class TeamDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) region!: string | null;
  @ApiProperty({ type: 'integer' }) version!: number;
}

export class TeamPageDto {
  @ApiProperty({ type: [TeamDto] }) items!: TeamDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
