import { ApiProperty } from '@nestjs/swagger';

export class ApiIndexLinksDto {
  @ApiProperty({ example: '/api/docs', description: 'Swagger UI' }) docs!: string;
  @ApiProperty({ example: '/api/docs-json', description: 'The OpenAPI document' }) openapi!: string;
  @ApiProperty({ example: '/health/live' }) live!: string;
  @ApiProperty({ example: '/health/ready' }) ready!: string;
  @ApiProperty({ example: '/api/v1/auth/login', description: 'Where a session starts' }) login!: string;
}

export class ApiIndexDto {
  @ApiProperty({ example: 'Accompany API' }) name!: string;
  @ApiProperty({ example: '1', description: 'The contract version (the v1 of the paths)' }) version!: string;
  @ApiProperty({ type: ApiIndexLinksDto }) links!: ApiIndexLinksDto;
}
