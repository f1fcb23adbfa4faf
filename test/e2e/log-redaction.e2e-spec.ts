import { randomUUID } from 'node:crypto';
import type { DestinationStream } from 'pino';
import { familyBody, memberBody, V1 } from '../factories/family.factory';
import { ADMIN, createTeam, createUser, login, uniqueSuffix } from '../factories/world.factory';
import { startTestApp, type TestApp } from '../setup/test-app';

/** Every log line an app writes, as text. */
function captureLines(): { destination: DestinationStream; lines: string[] } {
  const lines: string[] = [];
  return {
    destination: { write: (chunk: string) => void lines.push(...chunk.split('\n').filter(Boolean)) },
    lines,
  };
}

describe.each(['info', 'debug'])('log lines at LOG_LEVEL=%s', (level) => {
  let t: TestApp;
  let lines: string[];

  beforeAll(async () => {
    const capture = captureLines();
    lines = capture.lines;
    t = await startTestApp({ LOG_LEVEL: level }, { logging: { destination: capture.destination } });
  });
  afterAll(() => t.close());

  it('should carry the request id of every request, and never a name, a phone, a token or a password', async () => {
    const admin = await login(t.http, ADMIN.email, ADMIN.password);
    const team = await createTeam(t.http, admin.accessToken, `Logs ${uniqueSuffix()}`);
    const accompanier = await createUser(t.http, admin.accessToken, 'accompanier', team.id, 'logs');
    const name = `Gülnarə Logtestova ${uniqueSuffix()}`;
    const phone = `+994 55 ${Math.floor(100 + Math.random() * 900)} 71 93`;
    const requestIds: string[] = [];
    const send = async (
      method: 'GET' | 'POST',
      path: string,
      body?: unknown,
      token: string = accompanier.accessToken,
    ): Promise<number> => {
      const id = randomUUID();
      requestIds.push(id);
      const response = await t.http.request(method, `${V1}${path}`, body, {
        token,
        headers: { 'x-request-id': id },
      });
      return response.status;
    };

    const created = await t.http.post(
      `${V1}/families`,
      familyBody({ members: [memberBody({ fullName: name, isContactPerson: true, phone })] }),
      { token: accompanier.accessToken },
    );
    expect(created.status).toBe(201);
    const familyId = (created.body as { id: string }).id;
    // Reads, a name search in the query string, an invalid body echoing the name, a
    // refused token and a login carrying a password: each one logged, none leaking.
    expect(await send('GET', `/families/${familyId}`)).toBe(200);
    expect(await send('GET', `/families?q=${encodeURIComponent(name)}`)).toBe(200);
    expect(await send('POST', '/families', { members: [{ fullName: name, phone }], bogus: name })).toBe(400);
    expect(await send('GET', '/auth/me', undefined, `${accompanier.accessToken}x`)).toBe(401);
    expect(
      await send('POST', '/auth/login', { email: accompanier.email, password: accompanier.password }),
    ).toBe(200);

    // The lines are there: one per request, under its request id, with status and path.
    const requestLines = lines
      .map((line) => JSON.parse(line) as Record<string, any>)
      .filter((line) => line.msg === 'request completed');
    for (const id of requestIds) {
      const line = requestLines.find((l) => l.requestId === id);
      expect(line).toMatchObject({ req: { id, method: expect.any(String), path: expect.any(String) } });
      expect(line?.res?.statusCode).toEqual(expect.any(Number));
    }

    const text = lines.join('\n');
    const secrets = {
      name,
      'name (URL-encoded)': encodeURIComponent(name),
      'family name alone': name.split(' ')[1] ?? name,
      phone,
      'phone digits': phone.replace(/\D/g, ''),
      'access token': accompanier.accessToken,
      'admin access token': admin.accessToken,
      'refresh token': accompanier.refreshToken,
      password: accompanier.password,
      'admin password': ADMIN.password,
    };
    const leaks = Object.entries(secrets).filter(([, value]) => text.includes(value));
    expect(leaks.map(([label]) => label)).toEqual([]);
  });
});
