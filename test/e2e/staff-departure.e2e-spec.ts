import { DataSource } from 'typeorm';
import { auditRowsFor, expectProblem } from '../factories/admin.helpers';
import {
  findReminder,
  inbox,
  recordContact,
  reminderRows,
  type Reminder,
} from '../factories/contact.factory';
import { FamilyApi, V1, type FamilyCase } from '../factories/family.factory';
import {
  buildWorld,
  createTeam,
  createUser,
  login,
  uniqueSuffix,
  type RoleName,
  type TestUser,
  type TestWorld,
} from '../factories/world.factory';
import { startTestApp, type TestApp } from '../setup/test-app';

const FOLLOW_UP = 'follow_up_contact';
const REASSIGN = 'reassign_family';

/**
 * Issue 12 item 6: when a user leaves their post in a team (another team, deactivation,
 * another role), the old team's work is released to its supervisors at once, and the user
 * keeps no right in the old team. Rights after a move are checked with a fresh login.
 */
describe('staff leaving a team', () => {
  let t: TestApp;
  let api: FamilyApi;
  let db: DataSource;
  let world: TestWorld;
  const admin = () => world.admin.accessToken;
  const sup = () => world.a.supervisor.accessToken;

  beforeAll(async () => {
    t = await startTestApp();
    api = new FamilyApi(t.http);
    db = t.app.get(DataSource);
    world = await buildWorld(t.http);
  });
  afterAll(() => t.close());

  const newUser = (role: RoleName, teamId: string, tag: string): Promise<TestUser> =>
    createUser(t.http, admin(), role, teamId, tag);

  const changeUser = async (user: TestUser, body: Record<string, unknown>): Promise<void> => {
    const response = await t.http.patch(`${V1}/users/${user.id}`, body, { token: admin() });
    expect({ status: response.status, text: response.text }).toMatchObject({ status: 200 });
  };

  /** A family the accompanier registered (so assigned to them) with one contact, hence a follow-up. */
  const familyWithFollowUp = async (
    accompanier: TestUser,
  ): Promise<{ family: FamilyCase; contact: Record<string, any>; followUp: Reminder }> => {
    const family = await api.createFamily(accompanier.accessToken);
    const contact = await recordContact(api, accompanier.accessToken, family.id);
    const followUp = await findReminder(api, accompanier.accessToken, family.id, FOLLOW_UP);
    expect(followUp).toMatchObject({ assigneeId: accompanier.id });
    return { family, contact, followUp: followUp! };
  };

  /** A reminder row written straight into the table, as one left over from before the fix would be. */
  const leftoverReminder = async (kind: string, familyId: string, teamId: string, assigneeId: string) => {
    const rows: Array<{ id: string }> = await db.query(
      `INSERT INTO reminders (kind, family_id, team_id, assignee_id, due_at, status, version)
       VALUES ($1, $2, $3, $4, now(), 'due', 1) RETURNING id`,
      [kind, familyId, teamId, assigneeId],
    );
    return rows[0]!.id;
  };

  const patchReminder = (id: string, token: string) =>
    api.patch(`/reminders/${id}`, { status: 'done', note: 'handled' }, token);

  it('should release a moved accompanier’s families and reminders to the old team’s supervisor, who reassigns them', async () => {
    const mover = await newUser('accompanier', world.teamA.id, 'mover');
    const { family, contact, followUp } = await familyWithFollowUp(mover);

    await changeUser(mover, { teamId: world.teamB.id });

    // The family waits unassigned for the team's supervisor; the release is audited as the admin's.
    const seen = await api.get(`/families/${family.id}`, sup());
    expect(seen.body).toMatchObject({ assignedAccompanierId: null, version: 2 });
    const release = (await auditRowsFor(db, family.id)).filter((row) => row.action === 'family.updated');
    expect(release).toEqual([
      expect.objectContaining({
        actor_id: world.admin.id,
        team_id: world.teamA.id,
        changed_fields: ['assignedAccompanierId'],
      }),
    ]);
    // The follow-up goes to the supervisor, with a reminder to reassign the family.
    const supervisorInbox = (await inbox(api, sup())).filter((r) => r.familyId === family.id);
    expect(Object.fromEntries(supervisorInbox.map((r) => [r.kind, [r.assigneeId, r.teamId]]))).toEqual({
      [FOLLOW_UP]: [world.a.supervisor.id, world.teamA.id],
      [REASSIGN]: [world.a.supervisor.id, world.teamA.id],
    });
    expect(supervisorInbox.find((r) => r.kind === FOLLOW_UP)?.id).toBe(followUp.id);

    // Signed in afresh in the new team: nothing of the old team is theirs any more.
    const fresh = (await login(t.http, mover.email, mover.password)).accessToken;
    expectProblem(await api.get(`/families/${family.id}`, fresh), 404);
    expect(await inbox(api, fresh)).toEqual([]);
    expectProblem(await patchReminder(followUp.id, fresh), 404);
    expectProblem(await api.patch(`/contacts/${contact.id}`, { summary: 'rewritten later' }, fresh), 404);
    expectProblem(await api.post(`/contacts/${contact.id}/corrections`, { text: 'later' }, fresh), 404);

    // Even a reminder of the old team still assigned to them is neither listed nor handled.
    const leftover = await leftoverReminder('inactivity', family.id, world.teamA.id, mover.id);
    expect((await inbox(api, fresh)).map((r) => r.id)).not.toContain(leftover);
    expectProblem(await patchReminder(leftover, fresh), 404);

    // Reassigning the family answers the supervisor's reminder and hands the open work on.
    const reassigned = await api.patch(
      `/families/${family.id}`,
      { assignedAccompanierId: world.a.accompanier.id },
      sup(),
    );
    expect(reassigned.status).toBe(200);
    const rows = await reminderRows(db, family.id);
    expect(rows.map((r) => [r.kind, r.status, r.assignee_id])).toEqual([
      [FOLLOW_UP, 'scheduled', world.a.accompanier.id],
      [REASSIGN, 'done', world.a.supervisor.id],
      ['inactivity', 'due', world.a.accompanier.id],
    ]);
    expect(await findReminder(api, world.a.accompanier.accessToken, family.id, FOLLOW_UP)).toMatchObject({
      id: followUp.id,
    });
  });

  it('should release a deactivated accompanier’s families and reminders to the supervisor', async () => {
    const leaver = await newUser('accompanier', world.teamA.id, 'leaver');
    const { family, followUp } = await familyWithFollowUp(leaver);
    await changeUser(leaver, { active: false });

    expect((await api.get(`/families/${family.id}`, sup())).body.assignedAccompanierId).toBeNull();
    expect(await findReminder(api, sup(), family.id, FOLLOW_UP)).toMatchObject({
      id: followUp.id,
      assigneeId: world.a.supervisor.id,
    });
    expect(await findReminder(api, sup(), family.id, REASSIGN)).toMatchObject({
      assigneeId: world.a.supervisor.id,
      teamId: world.teamA.id,
      status: expect.stringMatching(/^(scheduled|due)$/),
    });
  });

  it('should release the families of an accompanier given another role in the same team', async () => {
    const changed = await newUser('accompanier', world.teamA.id, 'promoted');
    const { family, followUp } = await familyWithFollowUp(changed);
    await changeUser(changed, { role: 'psychologist' });

    expect((await api.get(`/families/${family.id}`, sup())).body.assignedAccompanierId).toBeNull();
    expect(await findReminder(api, sup(), family.id, REASSIGN)).toBeDefined();
    const fresh = (await login(t.http, changed.email, changed.password)).accessToken;
    expect(await inbox(api, fresh)).toEqual([]);
    expectProblem(await patchReminder(followUp.id, fresh), 404);
  });

  it('should hand a leaving supervisor’s reminders to another supervisor of the team, not back to them', async () => {
    const team = await createTeam(t.http, admin(), `Two supervisors ${uniqueSuffix()}`);
    const first = await newUser('supervisor', team.id, 'first');
    const second = await newUser('supervisor', team.id, 'second');
    const accompanier = await newUser('accompanier', team.id, 'acc');
    const { family, followUp } = await familyWithFollowUp(accompanier);
    // Left unassigned by the first supervisor, the family's work is theirs.
    const unassigned = await api.patch(
      `/families/${family.id}`,
      { assignedAccompanierId: null },
      first.accessToken,
    );
    expect(unassigned.status).toBe(200);
    expect(await findReminder(api, first.accessToken, family.id, FOLLOW_UP)).toBeDefined();

    await changeUser(first, { teamId: world.teamB.id });

    const fresh = (await login(t.http, first.email, first.password)).accessToken;
    expect(await inbox(api, fresh)).toEqual([]);
    expect(await inbox(api, fresh, 'scope=team')).toEqual([]);
    expectProblem(await api.get(`/families/${family.id}`, fresh), 404);
    expect(await findReminder(api, second.accessToken, family.id, FOLLOW_UP)).toMatchObject({
      id: followUp.id,
      assigneeId: second.id,
    });
  });

  it('should hand a leaving psychologist’s reminders to the supervisor', async () => {
    const psychologist = await newUser('psychologist', world.teamA.id, 'psy');
    const family = await api.createFamily(sup());
    const id = await leftoverReminder('referral_pending', family.id, world.teamA.id, psychologist.id);
    expect((await inbox(api, psychologist.accessToken)).map((r) => r.id)).toEqual([id]);

    await changeUser(psychologist, { teamId: world.teamB.id });

    expect(await findReminder(api, sup(), family.id, 'referral_pending')).toMatchObject({
      id,
      assigneeId: world.a.supervisor.id,
      status: 'due',
    });
    const fresh = (await login(t.http, psychologist.email, psychologist.password)).accessToken;
    expectProblem(await patchReminder(id, fresh), 404);
  });

  it('should escalate the released work of a team without a supervisor, for the next supervisor to find', async () => {
    const team = await createTeam(t.http, admin(), `No supervisor ${uniqueSuffix()}`);
    const leaver = await newUser('accompanier', team.id, 'alone');
    const { family, followUp } = await familyWithFollowUp(leaver);
    await changeUser(leaver, { active: false });

    const rows = await reminderRows(db, family.id);
    expect(rows.map((r) => [r.kind, r.status])).toEqual([
      [FOLLOW_UP, 'escalated'],
      [REASSIGN, 'escalated'],
    ]);

    const newcomer = await newUser('supervisor', team.id, 'newcomer');
    const teamView = await inbox(api, newcomer.accessToken, 'scope=team');
    expect(teamView.map((r) => r.kind).sort()).toEqual([FOLLOW_UP, REASSIGN]);
    const reassign = teamView.find((r) => r.kind === REASSIGN)!;
    const successor = await newUser('accompanier', team.id, 'successor');
    const assigned = await api.patch(
      `/families/${family.id}`,
      { assignedAccompanierId: successor.id },
      newcomer.accessToken,
    );
    expect(assigned.status).toBe(200);
    expect((await reminderRows(db, family.id)).map((r) => [r.id, r.status, r.assignee_id])).toEqual([
      [followUp.id, 'escalated', successor.id],
      [reassign.id, 'done', leaver.id],
    ]);
  });
});
