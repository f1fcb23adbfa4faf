import { CreateFamilies1795611560760 } from './1795611560760-CreateFamilies';
import { CreateContactsAndReminders1795613392816 } from './1795613392816-CreateContactsAndReminders';
import { CreatePlatform1795610752964 } from './1795610752964-CreatePlatform';
import { AddReassignFamilyReminderKind1796405413486 } from './1796405413486-AddReassignFamilyReminderKind';
import { ReminderSourcesAndSweeps1796405556216 } from './1796405556216-ReminderSourcesAndSweeps';

/**
 * The platform's migrations (accounts, audit, families, contacts, reminders), listed
 * explicitly so the CLI and the tests load the same set. A lib added later keeps its own
 * migrations in its folder and registers them in apps/api/src/database/schema.ts.
 */
export const migrations: Array<new () => unknown> = [
  CreatePlatform1795610752964,
  CreateFamilies1795611560760,
  CreateContactsAndReminders1795613392816,
  AddReassignFamilyReminderKind1796405413486,
  ReminderSourcesAndSweeps1796405556216,
];
