import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { TerminusModule } from '@nestjs/terminus';
import { AuditModule } from '@accompany/audit';
import { AuthModule } from '@accompany/auth';
import { ConfigModule } from '@accompany/config';
import { ContactsModule } from '@accompany/contacts';
import { FamiliesModule } from '@accompany/families';
import { OpsModule } from '@accompany/ops';
import { PersistenceModule } from '@accompany/persistence';
import { QueueModule, RedisModule } from '@accompany/queue';
import { RemindersModule } from '@accompany/reminders';
import { IdempotencyModule, LoggingModule, VersionEtagInterceptor } from '@accompany/shared';
import { HealthController } from './health/health.controller';
import { ApiIndexController } from './index/api-index.controller';

/** Composition only: every feature lives in a lib. */
@Module({
  imports: [
    ConfigModule,
    LoggingModule,
    PersistenceModule,
    RedisModule,
    QueueModule,
    EventEmitterModule.forRoot(),
    AuditModule,
    IdempotencyModule,
    AuthModule,
    FamiliesModule,
    ContactsModule,
    RemindersModule,
    OpsModule,
    TerminusModule.forRoot({ logger: false }),
  ],
  controllers: [ApiIndexController, HealthController],
  providers: [{ provide: APP_INTERCEPTOR, useClass: VersionEtagInterceptor }],
})
export class ApiModule {}
