import { DataSource } from 'typeorm';
import { auditRowsFor, expectProblem } from '../factories/admin.helpers';
import { contactBody, contactCount, isoIn, recordContact } from '../factories/contact.factory';
import { FamilyApi, memberBody, type FamilyCase } from '../factories/family.factory';
import { buildWorld, type TestWorld } from '../factories/world.factory';
import { startTestApp, type TestApp } from '../setup/test-app';

const DAY = 86_400_000;
/** FOLLOW_UP_CADENCE's default. */
const CADENCE = 30 * DAY;
const YEARS_AGO = '2019-05-14T09:00:00.000Z';

interface StoredReminder {
  id: string;
  kind: string;
  status: string;
  assignee_id: string;
  due_at: Date;
  version: number;
}

/**
 * When contacts happened, against the follow-up plan (issue 12, items 7 and 10): a contact
 * older than the family's latest one is history and leaves the plan alone; "when did it
 * happen" fields are bounded (never in the future, never before HISTORY_FLOOR_DATE, births
 * not before 1900) with 422 `out_of_range`; reopening a case plans its first follow-up.
 */
describe('contacts: history, bounded dates, reopening', () => {
  let t: TestApp;
  let api: FamilyApi;
  let db: DataSource;
  let world: TestWorld;
  const acc = () => world.a.accompanier.accessToken;
  const sup = () => world.a.supervisor.accessToken;
  const ownFamily = () => api.createFamily(acc(), { members: [memberBody(), memberBody()] });
  const reminders = (familyId: string): Promise<StoredReminder[]> =>
    db.query(
      `SELECT id, kind, status, assignee_id, due_at, version FROM reminders
        WHERE family_id = $1 ORDER BY created_at, id`,
      [familyId],
    );
  const familyAuditCount = async (familyId: string): Promise<number> => {
    const rows = await db.query<Array<{ n: number }>>(
      'SELECT count(*)::int AS n FROM audit_events WHERE family_id = $1',
      [familyId],
    );
    return rows[0]!.n;
  };
  const contactRow = async (id: string): Promise<Record<string, unknown>> => {
    const rows = await db.query<Array<Record<string, unknown>>>(
      'SELECT occurred_at, participant_ids, contact_made, version FROM contacts WHERE id = $1',
      [id],
    );
    return rows[0]!;
  };

  beforeAll(async () => {
    t = await startTestApp();
    api = new FamilyApi(t.http);
    db = t.app.get(DataSource);
    world = await buildWorld(t.http);
  });
  afterAll(() => t.close());

  describe('a contact older than the latest one is history', () => {
    let family: FamilyCase;
    let plan: StoredReminder[];
    const nextFollowUpAt = isoIn(20 * DAY);

    beforeAll(async () => {
      family = await ownFamily();
      await recordContact(api, acc(), family.id, { occurredAt: isoIn(-DAY), nextFollowUpAt });
      plan = await reminders(family.id);
      expect(plan.map((r) => [r.kind, r.status, r.due_at.toISOString()])).toEqual([
        ['follow_up_contact', 'scheduled', nextFollowUpAt],
      ]);
    });

    it('should record a contact of years ago without closing or moving the future follow-up', async () => {
      const old = await recordContact(api, acc(), family.id, { occurredAt: YEARS_AGO });
      expect(old).toMatchObject({ occurredAt: YEARS_AGO });
      expect(await reminders(family.id)).toEqual(plan);
    });

    it('should open no retry for an old attempt nobody answered', async () => {
      await recordContact(api, acc(), family.id, { occurredAt: isoIn(-2 * DAY), contactMade: false });
      expect(await reminders(family.id)).toEqual(plan);
    });

    it('should not plan again when the old contact is corrected within its edit window', async () => {
      const old = await recordContact(api, acc(), family.id, { occurredAt: '2020-02-02T10:00:00Z' });
      for (const body of [
        { contactMade: false },
        { contactMade: true },
        { occurredAt: '2021-03-03T10:00:00Z' },
      ]) {
        expect((await api.patch(`/contacts/${old.id}`, body, acc())).status).toBe(200);
      }
      expect(await reminders(family.id)).toEqual(plan);
    });

    it('should still let a newer contact close the follow-up and plan the next one', async () => {
      await recordContact(api, acc(), family.id);
      const rows = await reminders(family.id);
      expect(rows.map((r) => [r.id === plan[0]!.id, r.kind, r.status])).toEqual([
        [true, 'follow_up_contact', 'done'],
        [false, 'follow_up_contact', 'scheduled'],
      ]);
    });
  });

  it("should plan a family's only, old contact's follow-up due now, not overdue since years", async () => {
    const family = await ownFamily();
    const before = Date.now();
    await recordContact(api, acc(), family.id, { occurredAt: YEARS_AGO });
    const [followUp, ...others] = await reminders(family.id);
    expect(others).toEqual([]);
    expect(followUp).toMatchObject({ kind: 'follow_up_contact', status: 'scheduled' });
    expect(followUp!.due_at.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(followUp!.due_at.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
  });

  describe('bounded "when did it happen" fields', () => {
    let family: FamilyCase;
    beforeAll(async () => {
      family = await ownFamily();
    });

    it.each<[string, string, string]>([
      ['before the floor', '1987-12-31T23:59:59Z', 'must not be before 1988-01-01'],
      ['a typo for a year', '0202-06-01T10:00:00Z', 'must not be before 1988-01-01'],
      ['in the future beyond clock skew', isoIn(10 * 60_000), 'must not be in the future'],
    ])(
      'should answer 422 out_of_range to occurredAt %s, writing nothing',
      async (_label, occurredAt, message) => {
        const before = await contactCount(db, family.id);
        const response = await api.post(
          `/families/${family.id}/contacts`,
          contactBody({ occurredAt }),
          acc(),
        );
        expect(expectProblem(response, 422)).toMatchObject({
          code: 'OUT_OF_RANGE',
          errors: [{ field: 'occurredAt', code: 'out_of_range', message: `occurredAt ${message}` }],
        });
        expect(await contactCount(db, family.id)).toBe(before);
        expect(await reminders(family.id)).toEqual([]);
      },
    );

    it('should accept a contact on the floor itself and within the clock skew', async () => {
      for (const occurredAt of ['1988-01-01T00:00:00Z', isoIn(2 * 60_000)]) {
        const response = await api.post(
          `/families/${family.id}/contacts`,
          contactBody({ occurredAt }),
          acc(),
        );
        expect({ occurredAt, status: response.status }).toEqual({ occurredAt, status: 201 });
      }
    });

    it('should answer 422 to a PATCH moving occurredAt out of bounds and keep the contact', async () => {
      const contact = await recordContact(api, acc(), family.id);
      const before = await contactRow(contact.id);
      for (const occurredAt of ['1970-01-01T00:00:00Z', isoIn(DAY)]) {
        const response = await api.patch(`/contacts/${contact.id}`, { occurredAt }, acc());
        expect(expectProblem(response, 422).errors).toEqual([
          { field: 'occurredAt', code: 'out_of_range', message: expect.any(String) },
        ]);
      }
      expect(await contactRow(contact.id)).toEqual(before);
    });

    it('should answer 422 to informedAt in the future or before the floor, and keep the reminder open', async () => {
      const contacted = await ownFamily();
      await recordContact(api, acc(), contacted.id, { nextFollowUpAt: isoIn(DAY) });
      const [reminder] = await reminders(contacted.id);
      for (const informedAt of [isoIn(DAY), '1960-01-01T00:00:00Z']) {
        const response = await api.patch(`/reminders/${reminder!.id}`, { status: 'done', informedAt }, acc());
        expect(expectProblem(response, 422).errors).toEqual([
          { field: 'informedAt', code: 'out_of_range', message: expect.any(String) },
        ]);
      }
      expect(await reminders(contacted.id)).toEqual([reminder]);
      const ok = await api.patch(
        `/reminders/${reminder!.id}`,
        { status: 'done', informedAt: isoIn(-DAY) },
        acc(),
      );
      expect(ok.status).toBe(200);
    });
  });

  describe('closed families', () => {
    it('should answer 422 FAMILY_CLOSED to a contact on a closed family and write nothing', async () => {
      const family = await ownFamily();
      await recordContact(api, acc(), family.id);
      await api.moveFamily(sup(), family.id, ['closed']);
      const before = {
        contacts: await contactCount(db, family.id),
        reminders: await reminders(family.id),
        audit: await familyAuditCount(family.id),
      };
      const response = await api.post(`/families/${family.id}/contacts`, contactBody(), acc());
      expect(expectProblem(response, 422).code).toBe('FAMILY_CLOSED');
      expect({
        contacts: await contactCount(db, family.id),
        reminders: await reminders(family.id),
        audit: await familyAuditCount(family.id),
      }).toEqual(before);
    });

    it('should plan a follow-up one cadence ahead for the accompanier when the case is reopened', async () => {
      const family = await ownFamily();
      await recordContact(api, acc(), family.id, { nextFollowUpAt: isoIn(5 * DAY) });
      await api.moveFamily(sup(), family.id, ['closed']);
      expect((await reminders(family.id)).map((r) => r.status)).toEqual(['cancelled']);
      const before = Date.now();
      await api.moveFamily(sup(), family.id, ['active']);
      const rows = await reminders(family.id);
      expect(rows.map((r) => [r.kind, r.status, r.assignee_id])).toEqual([
        ['follow_up_contact', 'cancelled', world.a.accompanier.id],
        ['follow_up_contact', 'scheduled', world.a.accompanier.id],
      ]);
      const due = rows[1]!.due_at.getTime();
      expect(due).toBeGreaterThanOrEqual(before + CADENCE - 1000);
      expect(due).toBeLessThanOrEqual(Date.now() + CADENCE + 1000);
    });

    it('should give the follow-up of a reopened unassigned family to the supervisor who reopened it', async () => {
      const family = await api.createFamily(sup());
      await api.moveFamily(sup(), family.id, ['closed', 'active']);
      expect((await reminders(family.id)).map((r) => [r.kind, r.status, r.assignee_id])).toEqual([
        ['follow_up_contact', 'scheduled', world.a.supervisor.id],
      ]);
    });

    it('should give it to the accompanier assigned in the same request that reopens', async () => {
      const family = await api.createFamily(sup());
      await api.moveFamily(sup(), family.id, ['closed']);
      const reopen = await api.patch(
        `/families/${family.id}`,
        { status: 'active', assignedAccompanierId: world.a.accompanier.id },
        sup(),
      );
      expect(reopen.status).toBe(200);
      expect((await reminders(family.id)).map((r) => [r.kind, r.status, r.assignee_id])).toEqual([
        ['follow_up_contact', 'scheduled', world.a.accompanier.id],
      ]);
    });
  });

  it("should answer 422 to a PATCH naming another family's member as participant, changing nothing", async () => {
    const family = await ownFamily();
    const other = await ownFamily();
    const contact = await recordContact(api, acc(), family.id, { participantIds: [family.memberId] });
    const before = await contactRow(contact.id);
    const response = await api.patch(
      `/contacts/${contact.id}`,
      { participantIds: [family.memberId, other.memberId], summary: 'Both came' },
      acc(),
    );
    expect(expectProblem(response, 422)).toMatchObject({
      code: 'PARTICIPANT_NOT_IN_FAMILY',
      errors: [{ field: 'participantIds[1]', code: 'not_found' }],
    });
    expect(await contactRow(contact.id)).toEqual(before);
    expect((await auditRowsFor(db, contact.id)).map((r) => r.action)).toEqual(['contact.created']);
  });
});
