export { AuditAction } from './audit-action.enum';
export { AuditModule } from './audit.module';
export { AUDIT_INSERT_SQL, AuditService, type AuditActor, type AuditRecord } from './audit.service';
export { AuditEventEntity } from './entities/audit-event.entity';
