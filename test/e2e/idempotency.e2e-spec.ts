import { DataSource } from 'typeorm';
import { ADMIN, login, uniqueSuffix } from '../factories/world.factory';
import { startTestApp, type TestApp } from '../setup/test-app';

/** The Idempotency-Key mechanism on the platform's creating POSTs (families have their own suite). */
describe('Idempotency-Key', () => {
  let t: TestApp;
  let token: string;
  const teams = async (name: string): Promise<number> =>
    Number(
      (
        await t.app
          .get(DataSource)
          .query<Array<{ n: string }>>('SELECT count(*) AS n FROM teams WHERE name = $1', [name])
      )[0]!.n,
    );

  beforeAll(async () => {
    t = await startTestApp();
    token = (await login(t.http, ADMIN.email, ADMIN.password)).accessToken;
  });
  afterAll(() => t.close());

  it('should replay the first answer for the same key and body, creating nothing new', async () => {
    const name = `Idem ${uniqueSuffix()}`;
    const headers = { 'idempotency-key': `key-${uniqueSuffix()}` };
    const first = await t.http.post('/api/v1/teams', { name, region: 'North' }, { token, headers });
    const second = await t.http.post('/api/v1/teams', { region: 'North', name }, { token, headers });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await teams(name)).toBe(1);
  });

  it('should answer 422 when the same key comes with another body', async () => {
    const headers = { 'idempotency-key': `key-${uniqueSuffix()}` };
    expect(
      (await t.http.post('/api/v1/teams', { name: `Idem ${uniqueSuffix()}` }, { token, headers })).status,
    ).toBe(201);
    const other = await t.http.post('/api/v1/teams', { name: `Idem ${uniqueSuffix()}` }, { token, headers });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('should not store a failed answer, so the request can be retried with the same key', async () => {
    const taken = `Idem ${uniqueSuffix()}`;
    expect((await t.http.post('/api/v1/teams', { name: taken }, { token })).status).toBe(201);
    const headers = { 'idempotency-key': `key-${uniqueSuffix()}` };
    expect(
      (await t.http.post('/api/v1/teams', { name: taken.toUpperCase() }, { token, headers })).status,
    ).toBe(409);
    const retried = await t.http.post('/api/v1/teams', { name: `${taken}-renamed` }, { token, headers });
    expect(retried.status).toBe(201);
  });

  it('should scope keys to the path: the same key on another route is a new request', async () => {
    const key = `key-${uniqueSuffix()}`;
    const team = await t.http.post(
      '/api/v1/teams',
      { name: `Idem ${uniqueSuffix()}` },
      { token, headers: { 'idempotency-key': key } },
    );
    const user = await t.http.post(
      '/api/v1/users',
      {
        email: `idem-${uniqueSuffix()}@e2e.test`,
        fullName: 'Idem',
        password: 'long-enough-password',
        role: 'supervisor',
        teamId: team.body.id,
      },
      { token, headers: { 'idempotency-key': key } },
    );
    expect(user.status).toBe(201);
    expect(user.body.id).not.toBe(team.body.id);
  });

  it('should refuse a malformed key with 400', async () => {
    const response = await t.http.post(
      '/api/v1/teams',
      { name: `Idem ${uniqueSuffix()}` },
      { token, headers: { 'idempotency-key': 'x'.repeat(201) } },
    );
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);
  });
});
