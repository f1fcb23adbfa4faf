import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditService } from './audit.service';
import { AuditEventEntity } from './entities/audit-event.entity';
import { VersionedWriter } from './versioned-write/versioned-writer';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditEventEntity])],
  providers: [AuditService, VersionedWriter],
  exports: [AuditService, VersionedWriter],
})
export class AuditModule {}
