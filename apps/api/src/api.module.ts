import { type DynamicModule, Module } from '@nestjs/common';
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
import { QueueModule } from '@accompany/queue';
import { RedisModule } from '@accompany/redis';
import { RemindersModule } from '@accompany/reminders';
import {
  CreatedLocationInterceptor,
  IdempotencyModule,
  LoggingModule,
  type LoggingOptions,
  VersionEtagInterceptor,
} from '@accompany/shared';
import { HealthController } from './health/health.controller';
import { ApiIndexController } from './index/api-index.controller';

/** Composition only: every feature lives in a lib. */
@Module({
  imports: [
    ConfigModule,
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
  providers: [
    { provide: APP_INTERCEPTOR, useClass: VersionEtagInterceptor },
    { provide: APP_INTERCEPTOR, useClass: CreatedLocationInterceptor },
  ],
})
export class ApiModule {
  /** The logger is the one part set per application (tests capture its lines). */
  static withLogging(options: LoggingOptions = {}): DynamicModule {
    return { module: ApiModule, imports: [LoggingModule.forRoot(options)] };
  }
}
