import { AuditEventEntity } from '@accompany/audit';
import { AUTH_ENTITIES } from '@accompany/auth';
import { CONTACTS_ENTITIES } from '@accompany/contacts';
import { FAMILIES_ENTITIES } from '@accompany/families';
import { ReminderEntity, ReminderSweepEntity } from '@accompany/reminders';
import { IdempotencyKeyEntity } from '@accompany/shared';

/**
 * Every entity of the product, for the migration CLI and the drift check. The running
 * processes register theirs through each lib's TypeOrmModule.forFeature.
 */
export const ALL_ENTITIES = [
  ...AUTH_ENTITIES,
  AuditEventEntity,
  IdempotencyKeyEntity,
  ...FAMILIES_ENTITIES,
  ...CONTACTS_ENTITIES,
  ReminderEntity,
  ReminderSweepEntity,
];
