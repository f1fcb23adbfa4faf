export { AuditAction } from './audit-action.enum';
export { AuditModule } from './audit.module';
export { AuditService, type AuditActor, type AuditRecord } from './audit.service';
export { AuditEventEntity } from './entities/audit-event.entity';
