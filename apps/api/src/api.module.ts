import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { AuditModule } from '@accompany/audit';
import { AuthModule } from '@accompany/auth';
import { ConfigModule } from '@accompany/config';
import { PersistenceModule } from '@accompany/persistence';
import { RedisModule } from '@accompany/queue';
import { LoggingModule, VersionEtagInterceptor } from '@accompany/shared';
import { HealthController } from './health/health.controller';

/** Composition only: every feature lives in a lib. */
@Module({
  imports: [
    ConfigModule,
    LoggingModule,
    PersistenceModule,
    RedisModule,
    AuditModule,
    AuthModule,
    TerminusModule.forRoot({ logger: false }),
  ],
  controllers: [HealthController],
  providers: [{ provide: APP_INTERCEPTOR, useClass: VersionEtagInterceptor }],
})
export class ApiModule {}
