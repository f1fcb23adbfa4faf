import { ContactsModule, ContactsService } from '@accompany/contacts';
import { FamiliesService } from '@accompany/families';
import { RemindersModule, RemindersService } from '@accompany/reminders';
import type { Page } from '@accompany/shared';
import { useServiceTier } from './support/service-tier';
import { insertTeamStaff, type TeamStaff } from './support/staff.fixture';

/**
 * Keyset paging (issue 12, test gaps): walking a list one item at a time must give exactly the
 * full list, each item once, in order. Several rows share their sort time, so the id must break
 * the tie strictly: a reversed or non-strict cursor comparison repeats, skips or loops.
 */
const tier = useServiceTier([ContactsModule, RemindersModule]);
const ROWS = 7;

/** Follows `nextCursor` from the first page, one item per page; stops after `max` pages. */
async function walk(
  page: (cursor?: string) => Promise<Page<{ id: string }>>,
  max: number,
): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < max; i++) {
    const current = await page(cursor);
    expect(current.items.length).toBeLessThanOrEqual(1);
    ids.push(...current.items.map((item) => item.id));
    if (!current.nextCursor) return ids;
    cursor = current.nextCursor;
  }
  throw new Error(`still paging after ${max} pages: ${ids.length} items so far`);
}

/** Sort times with ties: rows 0-2 share one, 3-4 another. */
function timeOf(index: number, base: number, step: number): Date {
  const slot = index < 3 ? 0 : index < 5 ? 1 : index - 3;
  return new Date(base + slot * step);
}

describe('paging one item at a time', () => {
  let staff: TeamStaff;
  let familyId: string;

  beforeEach(async () => {
    staff = await insertTeamStaff(tier);
    familyId = (await tier.get(FamiliesService).register(staff.accompanier, {})).id;
  });

  it("should walk the caller's reminders in (dueAt, id) order, each exactly once", async () => {
    const base = Date.now() + 86_400_000;
    for (let i = 0; i < ROWS; i++) {
      await tier.query(
        `INSERT INTO reminders (kind, family_id, team_id, assignee_id, due_at, status, version)
         VALUES ('follow_up_contact', $1, $2, $3, $4, 'scheduled', 1)`,
        [familyId, staff.teamId, staff.accompanier.id, timeOf(i, base, 60_000)],
      );
    }
    const expected = await tier.query<{ id: string }>(
      `SELECT id FROM reminders WHERE assignee_id = $1 ORDER BY due_at, id`,
      [staff.accompanier.id],
    );
    const reminders = tier.get(RemindersService);
    const ids = await walk((cursor) => reminders.list(staff.accompanier, { limit: 1, cursor }), ROWS + 2);
    expect(ids).toEqual(expected.map((row) => row.id));
  });

  it("should walk a family's contacts newest first, (occurredAt, id) descending, each exactly once", async () => {
    const base = Date.now() - 86_400_000;
    for (let i = 0; i < ROWS; i++) {
      await tier.query(
        `INSERT INTO contacts (version, family_id, author_id, kind, occurred_at, summary)
         VALUES (1, $1, $2, 'phone_call', $3, 'Call')`,
        [familyId, staff.accompanier.id, timeOf(i, base, 60_000)],
      );
    }
    const expected = await tier.query<{ id: string }>(
      `SELECT id FROM contacts WHERE family_id = $1 ORDER BY occurred_at DESC, id DESC`,
      [familyId],
    );
    const contacts = tier.get(ContactsService);
    const ids = await walk(
      (cursor) => contacts.list(staff.accompanier, familyId, { limit: 1, cursor }),
      ROWS + 2,
    );
    expect(ids).toEqual(expected.map((row) => row.id));
  });
});
