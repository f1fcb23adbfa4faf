import { AuditEventEntity } from '@accompany/audit';
import { AUTH_ENTITIES } from '@accompany/auth';
import { CONTACTS_ENTITIES } from '@accompany/contacts';
import { FAMILIES_ENTITIES } from '@accompany/families';
import { PLATFORM_MIGRATIONS, type SchemaPart } from '@accompany/persistence';
import { ReminderEntity, ReminderSweepEntity } from '@accompany/reminders';
import { IdempotencyKeyEntity } from '@accompany/shared';

/**
 * Every part of the product's schema, for the migration CLI, the drift check and the tests.
 * A lib added later exports its own SchemaPart (entities + migrations, kept in its folder)
 * and adds one line here.
 */
const PARTS: SchemaPart[] = [
  {
    entities: [
      ...AUTH_ENTITIES,
      AuditEventEntity,
      IdempotencyKeyEntity,
      ...FAMILIES_ENTITIES,
      ...CONTACTS_ENTITIES,
      ReminderEntity,
      ReminderSweepEntity,
    ],
    migrations: PLATFORM_MIGRATIONS,
  },
];

export const PRODUCT_SCHEMA: SchemaPart = {
  entities: PARTS.flatMap((part) => part.entities as unknown[]) as SchemaPart['entities'],
  migrations: PARTS.flatMap((part) => part.migrations),
};
