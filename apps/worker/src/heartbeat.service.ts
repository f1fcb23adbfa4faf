import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type Redis from 'ioredis';
import { REDIS, RedisKeys } from '@accompany/redis';
import { WorkerHealthFileService } from './worker-health-file.service';

const HEARTBEAT_INTERVAL_MS = 10_000;
const HEARTBEAT_TTL_SECONDS = 60;

/**
 * Writes the worker's liveness key, which the API's /health/ready reports to operators, and
 * after each beat the worker's own health verdict (WorkerHealthFileService).
 */
@Injectable()
export class HeartbeatService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(HeartbeatService.name);
  private timer: NodeJS.Timeout | null = null;
  private lastBeatAt: Date | null = null;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly keys: RedisKeys,
    private readonly healthFile: WorkerHealthFileService,
  ) {}

  onApplicationBootstrap(): void {
    // Beat as soon as the connection is (re-)established, then on every tick.
    this.redis.on('ready', this.beatNow);
    if (this.redis.status === 'ready') void this.beat();
    this.timer = setInterval(() => void this.beat(), HEARTBEAT_INTERVAL_MS);
  }

  onApplicationShutdown(): void {
    this.redis.off('ready', this.beatNow);
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.logger.log('worker stopping: heartbeat ended');
  }

  private readonly beatNow = (): void => void this.beat();

  /** One beat: the key in Redis, then the verdict (unhealthy once beats fail for 30 s). */
  async beat(): Promise<void> {
    try {
      const now = new Date();
      await this.redis.set(this.keys.workerHeartbeat(), now.toISOString(), 'EX', HEARTBEAT_TTL_SECONDS);
      this.lastBeatAt = now;
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'heartbeat not written: Redis unavailable');
    }
    await this.healthFile.write(this.lastBeatAt);
  }
}
