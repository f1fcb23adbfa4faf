import { FamilyApi, memberBody, missingPersonBody } from '../factories/family.factory';
import { buildWorld, uniqueSuffix, type TestWorld } from '../factories/world.factory';
import { startTestApp, type TestApp } from '../setup/test-app';

/**
 * Issue 12 § 13: every 201 of a record with its own URL carries Location (and its ETag),
 * replays of an idempotent request included; missing-person answers carry their family ids.
 */
describe('created records: Location, ETag, replays, family ids', () => {
  let t: TestApp;
  let api: FamilyApi;
  let world: TestWorld;

  beforeAll(async () => {
    t = await startTestApp();
    api = new FamilyApi(t.http);
    world = await buildWorld(t.http);
  });
  afterAll(() => t.close());

  it('should give a created family its Location and ETag, and the same on a replay', async () => {
    const token = world.a.accompanier.accessToken;
    const key = `loc-${uniqueSuffix()}`;
    const body = { members: [memberBody()] };
    const first = await api.post('/families', body, token, { key });
    expect(first.status).toBe(201);
    const id = first.body.id as string;
    expect(first.headers.get('location')).toBe(`/api/v1/families/${id}`);
    expect(first.headers.get('etag')).toBe('"1"');
    const replay = await api.post('/families', body, token, { key });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.headers.get('location')).toBe(`/api/v1/families/${id}`);
    expect(replay.headers.get('etag')).toBe('"1"');
    // The Location answers.
    expect((await api.get(`/families/${id}`, token)).status).toBe(200);
  });

  it('should point members, missing persons, contacts, users and teams at their own URLs', async () => {
    const token = world.a.accompanier.accessToken;
    const family = await api.createFamily(token);
    const member = await api.post(`/families/${family.id}/members`, memberBody(), token);
    expect(member.headers.get('location')).toBe(`/api/v1/members/${member.body.id as string}`);
    const person = await api.post(`/families/${family.id}/missing-persons`, missingPersonBody(), token);
    expect(person.headers.get('location')).toBe(`/api/v1/missing-persons/${person.body.id as string}`);
    const contact = await api.post(
      `/families/${family.id}/contacts`,
      { kind: 'phone_call', occurredAt: new Date().toISOString(), summary: 'Called the mother' },
      token,
    );
    expect(contact.status).toBe(201);
    expect(contact.headers.get('location')).toBe(`/api/v1/contacts/${contact.body.id as string}`);
    const team = await t.http.post(
      '/api/v1/teams',
      { name: `Loc ${uniqueSuffix()}` },
      { token: world.admin.accessToken },
    );
    expect(team.headers.get('location')).toBe(`/api/v1/teams/${team.body.id as string}`);
    const user = await t.http.post(
      '/api/v1/users',
      {
        email: `loc-${uniqueSuffix()}@e2e.test`,
        fullName: 'Location Probe',
        password: `pw-${uniqueSuffix()}-long-enough`,
        role: 'accompanier',
        teamId: team.body.id as string,
      },
      { token: world.admin.accessToken },
    );
    expect(user.status).toBe(201);
    expect(user.headers.get('location')).toBe(`/api/v1/users/${user.body.id as string}`);
  });

  it('should not give Location to a correction, which has no URL of its own', async () => {
    const token = world.a.accompanier.accessToken;
    const family = await api.createFamily(token);
    const contact = await api.post(
      `/families/${family.id}/contacts`,
      { kind: 'phone_call', occurredAt: new Date().toISOString(), summary: 'Called' },
      token,
    );
    const correction = await api.post(
      `/contacts/${contact.body.id as string}/corrections`,
      { text: 'It was the sister' },
      token,
    );
    expect(correction.status).toBe(201);
    expect(correction.headers.get('location')).toBeNull();
  });

  it('should answer a missing person with the ids of the families seeking them that the caller sees', async () => {
    const token = world.a.accompanier.accessToken;
    const family = await api.createFamily(token);
    const read = await api.get(`/missing-persons/${family.missingPersonId}`, token);
    expect(read.status).toBe(200);
    expect(read.body.familyIds).toEqual([family.id]);
    const moved = await api.post(
      `/missing-persons/${family.missingPersonId}/status`,
      { status: 'found_alive', reason: 'Came home' },
      token,
    );
    expect(moved.body.familyIds).toEqual([family.id]);
  });
});
