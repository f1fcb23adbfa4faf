import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One bad input, named by its path (`members[0].fullName`, `If-Match`, `cursor`). */
export class FieldErrorDto {
  @ApiProperty({ example: 'members[0].fullName' }) field!: string;
  @ApiProperty({ example: 'fullName must be shorter than or equal to 200 characters' }) message!: string;
  @ApiPropertyOptional({
    description: 'Stable, machine-readable reason (e.g. required)',
    example: 'maxLength',
  })
  code?: string;
}

/**
 * RFC 9457 problem details as every error leaves (application/problem+json). Extension
 * members may follow (RFC 9457 § 3.2), so clients must ignore fields they do not know.
 */
export class ProblemDto {
  @ApiProperty({ example: 'urn:accompany:problem:validation-failed' }) type!: string;
  @ApiProperty({ example: 'Bad Request' }) title!: string;
  @ApiProperty({ type: 'integer', example: 400 }) status!: number;
  @ApiProperty({ example: 'The request is not valid.' }) detail!: string;
  @ApiProperty({ description: 'The path that failed', example: '/api/v1/families' }) instance!: string;
  @ApiProperty({ description: 'Quote it when reporting a problem; also in X-Request-Id' }) requestId!: string;
  @ApiProperty({ description: 'Stable, machine-readable error code', example: 'VALIDATION_FAILED' })
  code!: string;
  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'With 400: each bad field' })
  errors?: FieldErrorDto[];
}
