import { ApiProperty } from '@nestjs/swagger';
import { ProblemDto } from '@accompany/shared';

export class LiveDto {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
}

/** One dependency as @nestjs/terminus reports it. */
export class DependencyCheckDto {
  @ApiProperty({ enum: ['up', 'down'] }) status!: 'up' | 'down';
  @ApiProperty({ required: false, type: 'integer', description: 'Milliseconds the ping took (database)' })
  responseTime?: number;
  @ApiProperty({ required: false, description: 'Why it is down, when known' }) message?: string;
}

export class ReadyChecksDto {
  @ApiProperty({ type: DependencyCheckDto }) database!: DependencyCheckDto;
  @ApiProperty({ type: DependencyCheckDto }) redis!: DependencyCheckDto;
}

export class WorkerStatusDto {
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null: never seen' })
  lastHeartbeat!: string | null;
  @ApiProperty({ description: 'A heartbeat within the last 30 s' }) alive!: boolean;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'The last completed reminder sweep (kept in PostgreSQL); null: none yet',
  })
  lastSweepAt!: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Its age in seconds' })
  sweepAgeSeconds!: number | null;
  @ApiProperty({
    description: 'Older than twice the sweep interval plus a minute (reported, never failed on)',
  })
  sweepStale!: boolean;
}

export class ReadyDto {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
  @ApiProperty({ type: ReadyChecksDto }) checks!: ReadyChecksDto;
  @ApiProperty({ type: WorkerStatusDto, description: 'Reported, not required for readiness' })
  worker!: WorkerStatusDto;
}

/** 503 from /health/ready: which checks failed, and the whole report. */
export class NotReadyProblemDto extends ProblemDto {
  @ApiProperty({ type: [String], example: ['redis'] }) failing!: string[];
  @ApiProperty({ type: ReadyChecksDto }) checks!: ReadyChecksDto;
  @ApiProperty({ type: WorkerStatusDto }) worker!: WorkerStatusDto;
}
