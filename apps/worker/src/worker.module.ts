import { Module } from '@nestjs/common';
import { AuditModule } from '@accompany/audit';
import { ConfigModule } from '@accompany/config';
import { PersistenceModule } from '@accompany/persistence';
import { QueueModule } from '@accompany/queue';
import { RedisModule } from '@accompany/redis';
import { RemindersWorkerModule } from '@accompany/reminders';
import { LoggingModule } from '@accompany/shared';
import { ConnectionCheckService } from './connection-check.service';
import { HeartbeatService } from './heartbeat.service';
import { WorkerHealthFileService } from './worker-health-file.service';

/** Composition only: each lib's *WorkerModule (processors) joins here; no HTTP. */
@Module({
  imports: [
    ConfigModule,
    LoggingModule.forRoot(),
    PersistenceModule,
    RedisModule,
    QueueModule,
    // Reminder moves write no audit rows today; the audit sealer (hash chain) of the
    // supervision issue will run here.
    AuditModule,
    RemindersWorkerModule,
  ],
  providers: [HeartbeatService, WorkerHealthFileService, ConnectionCheckService],
})
export class WorkerModule {}
