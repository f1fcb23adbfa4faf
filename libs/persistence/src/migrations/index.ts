import { CreateFamilies1795611560760 } from './1795611560760-CreateFamilies';
import { CreateContactsAndReminders1795613392816 } from './1795613392816-CreateContactsAndReminders';
import { CreatePlatform1795610752964 } from './1795610752964-CreatePlatform';
import { AddReassignFamilyReminderKind1796405413486 } from './1796405413486-AddReassignFamilyReminderKind';

/** Every migration, in order. Listed explicitly so the API, tests and CLI load the same set. */
export const migrations: Array<new () => unknown> = [
  CreatePlatform1795610752964,
  CreateFamilies1795611560760,
  CreateContactsAndReminders1795613392816,
  AddReassignFamilyReminderKind1796405413486,
];
