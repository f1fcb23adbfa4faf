import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, type HealthIndicatorResult, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type Redis from 'ioredis';
import { Public } from '@accompany/auth';
import { AppConfig } from '@accompany/config';
import { REDIS, RedisKeys } from '@accompany/redis';
import { SweepRecordRepository, sweepStatus } from '@accompany/reminders';
import { ApiOk, ApiProblemResponses, ServiceUnavailableError } from '@accompany/shared';
import { LiveDto, NotReadyProblemDto, ReadyDto } from './health.dto';

/** A worker heartbeat older than this counts as a stopped worker. */
const HEARTBEAT_STALE_MS = 30_000;

interface WorkerStatus {
  lastHeartbeat: string | null;
  alive: boolean;
  /** The last completed reminder sweep (kept in PostgreSQL), its age, and whether it is overdue. */
  lastSweepAt: string | null;
  sweepAgeSeconds: number | null;
  sweepStale: boolean;
}

@ApiTags('health')
@Controller('health')
@Public()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly keys: RedisKeys,
    private readonly sweeps: SweepRecordRepository,
    private readonly config: AppConfig,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers (no dependency is checked)' })
  @ApiOk(LiveDto, 'The process is up')
  live(): LiveDto {
    return { status: 'ok' };
  }

  /**
   * 200 when PostgreSQL and Redis answer; 503 problem+json naming the failing checks otherwise.
   * The worker's state (heartbeat, last sweep) is reported, never failed on: a worker fault
   * must not take the API out of service (the worker's own health check fails for it).
   */
  @Get('ready')
  @ApiOperation({
    summary: "Readiness: PostgreSQL and Redis answer; reports the worker's heartbeat and last sweep",
  })
  @ApiOk(ReadyDto, "PostgreSQL and Redis answer; the worker's heartbeat and last sweep are reported")
  @ApiProblemResponses({
    status: 503,
    description: 'A dependency is down: `failing` names it',
    type: NotReadyProblemDto,
  })
  async ready(): Promise<{ status: 'ok'; checks: Record<string, unknown>; worker: WorkerStatus }> {
    const [checks, worker] = await Promise.all([this.runChecks(), this.workerStatus()]);
    const failing = Object.entries(checks)
      .filter(([, check]) => (check as { status: string }).status !== 'up')
      .map(([name]) => name);
    if (failing.length > 0) {
      throw new ServiceUnavailableError('NOT_READY', `Not ready: ${failing.join(', ')} unavailable.`, {
        failing,
        checks,
        worker,
      });
    }
    return { status: 'ok', checks, worker };
  }

  private async runChecks(): Promise<Record<string, unknown>> {
    try {
      const result = await this.health.check([
        () => this.db.pingCheck('database', { timeout: 2000 }),
        () => this.pingRedis(),
      ]);
      return result.details;
    } catch (error) {
      const details = (error as { response?: { details?: Record<string, unknown> } }).response?.details;
      if (details) return details;
      throw error;
    }
  }

  private async pingRedis(): Promise<HealthIndicatorResult> {
    try {
      await this.redis.ping();
      return { redis: { status: 'up' } };
    } catch {
      return { redis: { status: 'down' } };
    }
  }

  private async workerStatus(): Promise<WorkerStatus> {
    const [heartbeat, sweep] = await Promise.all([this.heartbeat(), this.lastSweep()]);
    return { ...heartbeat, ...sweep };
  }

  private async heartbeat(): Promise<Pick<WorkerStatus, 'lastHeartbeat' | 'alive'>> {
    try {
      const value = await this.redis.get(this.keys.workerHeartbeat());
      const at = value ? new Date(value) : null;
      return {
        lastHeartbeat: at ? at.toISOString() : null,
        alive: at !== null && Date.now() - at.getTime() < HEARTBEAT_STALE_MS,
      };
    } catch {
      return { lastHeartbeat: null, alive: false };
    }
  }

  private async lastSweep(): Promise<Pick<WorkerStatus, 'lastSweepAt' | 'sweepAgeSeconds' | 'sweepStale'>> {
    try {
      const status = sweepStatus(await this.sweeps.read(), this.config.reminders.sweepEveryMs);
      return {
        lastSweepAt: status.lastSuccessAt,
        sweepAgeSeconds: status.ageSeconds,
        sweepStale: status.stale,
      };
    } catch {
      // PostgreSQL down: the database check says so.
      return { lastSweepAt: null, sweepAgeSeconds: null, sweepStale: true };
    }
  }
}
