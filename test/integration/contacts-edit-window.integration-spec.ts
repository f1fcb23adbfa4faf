import { ContactKind, ContactsModule, ContactsService } from '@accompany/contacts';
import { FamiliesService } from '@accompany/families';
import { RemindersModule } from '@accompany/reminders';
import { useServiceTier } from './support/service-tier';
import { insertTeamStaff, type TeamStaff } from './support/staff.fixture';

/** The author edits a contact within 24 h of recording it; then only corrections (ContactsService). */
const tier = useServiceTier([ContactsModule, RemindersModule]);

describe('ContactsService edit window', () => {
  let staff: TeamStaff;
  let contacts: ContactsService;
  let contactId: string;

  /** Moves the contact's recording time back, as if it had been recorded `hours` ago. */
  async function recordedHoursAgo(hours: number): Promise<void> {
    await tier.query(`UPDATE contacts SET created_at = now() - make_interval(hours => $2) WHERE id = $1`, [
      contactId,
      hours,
    ]);
  }

  async function summaryOf(id: string): Promise<string> {
    const [row] = await tier.query<{ summary: string }>('SELECT summary FROM contacts WHERE id = $1', [id]);
    return row!.summary;
  }

  beforeEach(async () => {
    staff = await insertTeamStaff(tier);
    contacts = tier.get(ContactsService);
    const family = await tier.get(FamiliesService).register(staff.accompanier, {});
    const contact = await contacts.record(staff.accompanier, family.id, {
      kind: ContactKind.PhoneCall,
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
      summary: 'First call',
    });
    contactId = contact.id;
  });

  it('should plan the follow-up in the contact transaction (the reminders listener joined it)', async () => {
    const rows = await tier.query<{ kind: string; status: string }>(
      `SELECT r.kind, r.status FROM reminders r JOIN contacts c ON c.family_id = r.family_id WHERE c.id = $1`,
      [contactId],
    );
    expect(rows).toEqual([{ kind: 'follow_up_contact', status: 'scheduled' }]);
  });

  it('should let the author edit 23 hours after recording', async () => {
    await recordedHoursAgo(23);
    const updated = await contacts.update(staff.accompanier, contactId, { summary: 'Corrected call' });
    expect(updated.summary).toBe('Corrected call');
    expect(await summaryOf(contactId)).toBe('Corrected call');
  });

  it('should refuse the author an edit 25 hours after recording (EDIT_WINDOW_CLOSED) and change nothing', async () => {
    await recordedHoursAgo(25);
    await expect(
      contacts.update(staff.accompanier, contactId, { summary: 'Too late' }),
    ).rejects.toMatchObject({ code: 'EDIT_WINDOW_CLOSED' });
    expect(await summaryOf(contactId)).toBe('First call');
  });

  it('should refuse a supervisor who can see the contact but did not write it (NOT_THE_AUTHOR)', async () => {
    await expect(contacts.update(staff.supervisor, contactId, { summary: 'Not mine' })).rejects.toMatchObject(
      { code: 'NOT_THE_AUTHOR' },
    );
  });
});
