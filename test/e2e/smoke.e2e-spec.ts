import { buildWorld, type TestWorld } from '../factories/world.factory';
import { startTestApp, type TestApp } from '../setup/test-app';

describe('platform smoke', () => {
  let t: TestApp;
  let world: TestWorld;

  beforeAll(async () => {
    t = await startTestApp();
    world = await buildWorld(t.http);
  });
  afterAll(() => t.close());

  it('should answer /auth/me for each role with its team', async () => {
    const me = await t.http.get('/api/v1/auth/me', { token: world.a.accompanier.accessToken });
    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      id: world.a.accompanier.id,
      email: world.a.accompanier.email,
      fullName: 'accompanier a',
      role: 'accompanier',
      teamId: world.teamA.id,
    });
  });
});
