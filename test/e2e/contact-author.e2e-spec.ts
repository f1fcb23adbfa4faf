import { DataSource } from 'typeorm';
import { expectProblem } from '../factories/admin.helpers';
import { recordContact } from '../factories/contact.factory';
import { FamilyApi, V1, type FamilyCase } from '../factories/family.factory';
import { buildWorld, createUser, login, type TestUser, type TestWorld } from '../factories/world.factory';
import { startTestApp, type TestApp } from '../setup/test-app';

/**
 * Issue 12 item 9: the author of a contact keeps correcting it for its 24 h window while
 * active and in the family's team, even once the family went to a colleague; the new
 * accompanier cannot rewrite it; a team move ends the right.
 */
describe('contacts: the author’s right to their own record', () => {
  let t: TestApp;
  let api: FamilyApi;
  let db: DataSource;
  let world: TestWorld;
  let successor: TestUser;
  const sup = () => world.a.supervisor.accessToken;

  beforeAll(async () => {
    t = await startTestApp();
    api = new FamilyApi(t.http);
    db = t.app.get(DataSource);
    world = await buildWorld(t.http);
    successor = await createUser(t.http, world.admin.accessToken, 'accompanier', world.teamA.id, 'next');
  });
  afterAll(() => t.close());

  /** A fresh author with a family they registered and one contact on it, then the family handed to the successor. */
  const reassignedAfterContact = async (): Promise<{
    author: TestUser;
    family: FamilyCase;
    contact: Record<string, any>;
  }> => {
    const author = await createUser(t.http, world.admin.accessToken, 'accompanier', world.teamA.id, 'author');
    const family = await api.createFamily(author.accessToken);
    const contact = await recordContact(api, author.accessToken, family.id);
    const moved = await api.patch(`/families/${family.id}`, { assignedAccompanierId: successor.id }, sup());
    expect(moved.status).toBe(200);
    expectProblem(await api.get(`/families/${family.id}`, author.accessToken), 404);
    return { author, family, contact };
  };

  it('should let the author edit and correct their contact within the window after the family is reassigned', async () => {
    const { author, contact } = await reassignedAfterContact();
    const edited = await api.patch(
      `/contacts/${contact.id}`,
      { summary: 'Corrected by the author' },
      author.accessToken,
    );
    expect({ status: edited.status, summary: edited.body.summary, version: edited.body.version }).toEqual({
      status: 200,
      summary: 'Corrected by the author',
      version: 2,
    });
    const correction = await api.post(
      `/contacts/${contact.id}/corrections`,
      { text: 'The visit lasted an hour' },
      author.accessToken,
    );
    expect(correction.status).toBe(201);
  });

  it('should not let the new accompanier rewrite or correct the former one’s contact (403)', async () => {
    const { contact } = await reassignedAfterContact();
    const rewrite = await api.patch(
      `/contacts/${contact.id}`,
      { summary: 'Rewritten' },
      successor.accessToken,
    );
    expect(expectProblem(rewrite, 403).code).toBe('NOT_THE_AUTHOR');
    const correction = await api.post(
      `/contacts/${contact.id}/corrections`,
      { text: 'Not mine to correct' },
      successor.accessToken,
    );
    expect(expectProblem(correction, 403).code).toBe('NOT_THE_AUTHOR');
    const listed = await api.get(`/families/${contact.familyId}/contacts`, successor.accessToken);
    expect(listed.body.items[0]).toMatchObject({ id: contact.id, summary: contact.summary, version: 1 });
  });

  it('should end the reassigned author’s right with the window: 404 once it is over', async () => {
    const { author, contact } = await reassignedAfterContact();
    await db.query(`UPDATE contacts SET created_at = now() - interval '25 hours' WHERE id = $1`, [
      contact.id,
    ]);
    expectProblem(
      await api.patch(`/contacts/${contact.id}`, { summary: 'Too late' }, author.accessToken),
      404,
    );
    expectProblem(
      await api.post(`/contacts/${contact.id}/corrections`, { text: 'Too late' }, author.accessToken),
      404,
    );
  });

  it('should end the author’s right when they move to another team, even within the window', async () => {
    const author = await createUser(t.http, world.admin.accessToken, 'accompanier', world.teamA.id, 'mover');
    const family = await api.createFamily(author.accessToken);
    const contact = await recordContact(api, author.accessToken, family.id);
    const move = await t.http.patch(
      `${V1}/users/${author.id}`,
      { teamId: world.teamB.id },
      { token: world.admin.accessToken },
    );
    expect(move.status).toBe(200);
    const fresh = (await login(t.http, author.email, author.password)).accessToken;
    expectProblem(await api.patch(`/contacts/${contact.id}`, { summary: 'From the new team' }, fresh), 404);
    expectProblem(await api.post(`/contacts/${contact.id}/corrections`, { text: 'From afar' }, fresh), 404);
  });
});
