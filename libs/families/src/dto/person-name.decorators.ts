import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsString, MaxLength, MinLength } from 'class-validator';
import { OptionalField, trimmed, trimmedList } from '@accompany/shared';

const NAME_MAX = 200;

/** A person's main name as written by the family (any script), trimmed, 1-200 characters. */
export function PersonName(example: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ example }),
    Transform(trimmed),
    IsString(),
    MinLength(1),
    MaxLength(NAME_MAX),
  );
}

/** Other spellings of the same name (other scripts, transliterations), up to 20. */
export function OtherNames(example: string[]): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: [String], example }),
    OptionalField(),
    Transform(trimmedList),
    IsArray(),
    ArrayMaxSize(20),
    IsString({ each: true }),
    MinLength(1, { each: true }),
    MaxLength(NAME_MAX, { each: true }),
  );
}
