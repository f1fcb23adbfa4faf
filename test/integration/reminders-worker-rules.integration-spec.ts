import { AppConfig } from '@accompany/config';
import { FamiliesModule, FamiliesService } from '@accompany/families';
import {
  InactivityService,
  ReminderCheckService,
  RemindersWorkerModule,
  ReminderStatus,
} from '@accompany/reminders';
import { useServiceTier } from './support/service-tier';
import { insertTeamStaff, type TeamStaff } from './support/staff.fixture';

/**
 * What the worker's jobs may and may not do to rows (issue 12, test gaps): a stale escalation
 * job never escalates a reminder whose own grace has not ended, and a family registered a
 * moment ago is not "inactive".
 */
const tier = useServiceTier([FamiliesModule, RemindersWorkerModule]);

interface ReminderRow {
  status: string;
  version: number;
}

describe('worker rules against the rows', () => {
  let staff: TeamStaff;
  let familyId: string;

  beforeEach(async () => {
    staff = await insertTeamStaff(tier);
    familyId = (await tier.get(FamiliesService).register(staff.accompanier, {})).id;
  });

  describe('escalation by a job whose snapshot is older than the row', () => {
    const graceMs = (): number => tier.get(AppConfig).reminders.escalationGraceMs;

    /** A due reminder at `version` 2 whose row says it became due at `rowDueAt`. */
    async function dueReminder(rowDueAt: Date): Promise<string> {
      const [row] = await tier.query<{ id: string }>(
        `INSERT INTO reminders (kind, family_id, team_id, assignee_id, due_at, status, version)
         VALUES ('follow_up_contact', $1, $2, $3, $4, 'due', 2) RETURNING id`,
        [familyId, staff.teamId, staff.accompanier.id, rowDueAt],
      );
      return row!.id;
    }

    async function rowOf(id: string): Promise<ReminderRow> {
      const [row] = await tier.query<ReminderRow>('SELECT status, version FROM reminders WHERE id = $1', [
        id,
      ]);
      return row!;
    }

    it("should not escalate when the row's due time has moved so that its grace has not ended", async () => {
      // The job was made when the reminder was due long ago (grace over by a day); the row,
      // at the same version and status (a restore wound it back), became due an hour ago.
      const now = new Date();
      const staleDueAt = new Date(now.getTime() - graceMs() - 86_400_000);
      const id = await dueReminder(new Date(now.getTime() - 3_600_000));
      const outcome = await tier
        .get(ReminderCheckService)
        .check({ reminderId: id, version: 2, at: { status: ReminderStatus.Due, dueAt: staleDueAt } }, now);
      expect(outcome).toEqual({ result: 'lost_race' });
      expect(await rowOf(id)).toEqual({ status: 'due', version: 2 });
    });

    it("should escalate once the row's own grace has ended", async () => {
      const now = new Date();
      const dueAt = new Date(now.getTime() - graceMs() - 60_000);
      const id = await dueReminder(dueAt);
      const outcome = await tier
        .get(ReminderCheckService)
        .check({ reminderId: id, version: 2, at: { status: ReminderStatus.Due, dueAt } }, now);
      expect(outcome).toEqual({ result: 'escalated' });
      expect(await rowOf(id)).toEqual({ status: 'escalated', version: 3 });
    });
  });

  describe('inactivity', () => {
    // Registered families start open; the accompaniment proper (status active) is what inactivity watches.
    beforeEach(async () => {
      await tier.query(`UPDATE families SET status = 'active' WHERE id = $1`, [familyId]);
    });

    async function inactivityReminders(): Promise<number> {
      const [row] = await tier.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM reminders WHERE family_id = $1 AND kind = 'inactivity'`,
        [familyId],
      );
      return row!.n;
    }

    it('should not raise one for a family registered a moment ago, which had no time for a contact', async () => {
      await tier.get(InactivityService).raise(new Date());
      expect(await inactivityReminders()).toBe(0);
    });

    it('should raise one once the family has gone INACTIVITY_AFTER without a contact, and only one', async () => {
      const later = new Date(Date.now() + tier.get(AppConfig).reminders.inactivityAfterMs + 60_000);
      const inactivity = tier.get(InactivityService);
      await inactivity.raise(later);
      await inactivity.raise(later);
      expect(await inactivityReminders()).toBe(1);
    });
  });
});
