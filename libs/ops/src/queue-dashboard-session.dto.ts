import { ApiProperty } from '@nestjs/swagger';

export class QueueDashboardSessionDto {
  @ApiProperty({ example: '/admin/queues', description: 'Where the dashboard opens' }) path!: string;
  @ApiProperty({ type: 'integer', example: 600, description: 'Lifetime of the cookie in seconds' })
  expiresIn!: number;
}
