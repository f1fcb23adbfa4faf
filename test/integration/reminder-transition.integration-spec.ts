import { FamiliesModule, FamiliesService } from '@accompany/families';
import { ReminderCheckService, RemindersWorkerModule, ReminderStatus } from '@accompany/reminders';
import { useServiceTier } from './support/service-tier';
import { insertTeamStaff, type TeamStaff } from './support/staff.fixture';

/**
 * A reminder moves only from the version its job was made for (issue 12: the transition's
 * `AND version = …` had no test of its own). The check decides on the state the job carries
 * and never reads the row, so the SQL guard is the only thing standing between a stale job
 * and the row.
 */
const tier = useServiceTier([FamiliesModule, RemindersWorkerModule]);

interface ReminderRow {
  status: string;
  version: number;
}

describe('ReminderCheckService transition guarded by version', () => {
  let staff: TeamStaff;
  let reminderId: string;
  const dueAt = new Date(Date.now() - 60_000);

  async function reminderRow(): Promise<ReminderRow> {
    const [row] = await tier.query<ReminderRow>('SELECT status, version FROM reminders WHERE id = $1', [
      reminderId,
    ]);
    return row!;
  }

  beforeEach(async () => {
    staff = await insertTeamStaff(tier);
    const family = await tier.get(FamiliesService).register(staff.accompanier, {});
    const [row] = await tier.query<{ id: string }>(
      `INSERT INTO reminders (kind, family_id, team_id, assignee_id, due_at, status, version)
       VALUES ('follow_up_contact', $1, $2, $3, $4, 'scheduled', 1) RETURNING id`,
      [family.id, staff.teamId, staff.accompanier.id, dueAt],
    );
    reminderId = row!.id;
    // What a reassignment does: same status, same due time, a new assignee and version.
    await tier.query('UPDATE reminders SET assignee_id = $2, version = version + 1 WHERE id = $1', [
      reminderId,
      staff.otherAccompanier.id,
    ]);
  });

  it('should not move a reminder for a job of an older version, even when status and due time match', async () => {
    const outcome = await tier
      .get(ReminderCheckService)
      .check({ reminderId, version: 1, at: { status: ReminderStatus.Scheduled, dueAt } });
    expect(outcome).toEqual({ result: 'lost_race' });
    expect(await reminderRow()).toEqual({ status: 'scheduled', version: 2 });
  });

  it('should move it once for the job of its current version', async () => {
    const check = tier.get(ReminderCheckService);
    const job = { reminderId, version: 2, at: { status: ReminderStatus.Scheduled, dueAt } };
    expect(await check.check(job)).toEqual({ result: 'made_due' });
    expect(await reminderRow()).toEqual({ status: 'due', version: 3 });
    expect(await check.check(job)).toEqual({ result: 'lost_race' });
    expect(await reminderRow()).toEqual({ status: 'due', version: 3 });
  });
});
