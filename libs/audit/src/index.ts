export { AuditAction } from './audit-action.enum';
export { AuditModule } from './audit.module';
export {
  AUDIT_INSERT_SQL,
  AuditService,
  type AuditActionName,
  type AuditActor,
  type AuditRecord,
} from './audit.service';
export { AuditEventEntity } from './entities/audit-event.entity';
export { diffFields, sameValue, type FieldDiff } from './versioned-write/field-diff';
export { VersionedWriter, type VersionedWrite } from './versioned-write/versioned-writer';
