import { ClosureReason, FamiliesModule, FamiliesService, FamilyStatus } from '@accompany/families';
import { RemindersModule } from '@accompany/reminders';
import { useServiceTier } from './support/service-tier';
import { insertTeamStaff, type TeamStaff } from './support/staff.fixture';

/** The family status rules of domain.md, through FamiliesService, without HTTP. */
const tier = useServiceTier([FamiliesModule, RemindersModule]);

interface FamilyRow {
  status: string;
  closure_reason: string | null;
  version: number;
}

async function familyRow(id: string): Promise<FamilyRow> {
  const [row] = await tier.query<FamilyRow>(
    'SELECT status, closure_reason, version FROM families WHERE id = $1',
    [id],
  );
  return row!;
}

describe('FamiliesService status rules', () => {
  let staff: TeamStaff;
  let families: FamiliesService;
  let familyId: string;

  beforeEach(async () => {
    staff = await insertTeamStaff(tier);
    families = tier.get(FamiliesService);
    familyId = (await families.register(staff.accompanier, {})).id;
  });

  it('should refuse to close a family without a reason and leave the family as it was', async () => {
    // The HTTP layer asks for closureReason first; below it, the database refuses (chk_families_closure).
    await expect(
      families.update(staff.supervisor, familyId, { status: FamilyStatus.Closed }),
    ).rejects.toThrow(/chk_families_closure/);
    expect(await familyRow(familyId)).toEqual({ status: 'open', closure_reason: null, version: 1 });
  });

  it('should close with a reason, keep it, and cancel the open reminders in the same transaction', async () => {
    await tier.query(
      `INSERT INTO reminders (kind, family_id, team_id, assignee_id, due_at, status, version)
       VALUES ('follow_up_contact', $1, $2, $3, now() + interval '1 day', 'scheduled', 1)`,
      [familyId, staff.teamId, staff.accompanier.id],
    );
    const closed = await families.update(staff.supervisor, familyId, {
      status: FamilyStatus.Closed,
      closureReason: ClosureReason.FoundAlive,
    });
    expect(closed.status).toBe(FamilyStatus.Closed);
    expect(await familyRow(familyId)).toEqual({
      status: 'closed',
      closure_reason: 'found_alive',
      version: 2,
    });
    const reminders = await tier.query<{ status: string }>(
      'SELECT status FROM reminders WHERE family_id = $1',
      [familyId],
    );
    expect(reminders).toEqual([{ status: 'cancelled' }]);
  });

  it('should leave closing to supervisors: an accompanier gets CLOSING_FORBIDDEN', async () => {
    await expect(
      families.update(staff.accompanier, familyId, {
        status: FamilyStatus.Closed,
        closureReason: ClosureReason.FamilyRequest,
      }),
    ).rejects.toMatchObject({ code: 'CLOSING_FORBIDDEN' });
    expect((await familyRow(familyId)).status).toBe('open');
  });

  it('should reopen a closed family only to active', async () => {
    await families.update(staff.supervisor, familyId, {
      status: FamilyStatus.Closed,
      closureReason: ClosureReason.MovedAway,
    });
    await expect(
      families.update(staff.supervisor, familyId, { status: FamilyStatus.OnHold }),
    ).rejects.toMatchObject({ code: 'ILLEGAL_STATUS_TRANSITION' });
    const reopened = await families.update(staff.supervisor, familyId, { status: FamilyStatus.Active });
    expect(reopened.status).toBe(FamilyStatus.Active);
    expect(await familyRow(familyId)).toEqual({ status: 'active', closure_reason: null, version: 3 });
  });
});
