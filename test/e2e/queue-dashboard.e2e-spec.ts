import type { INestApplicationContext } from '@nestjs/common';
import { JobName, JobProducer } from '@accompany/queue';
import { waitFor } from '../factories/contact.factory';
import { ADMIN, buildWorld, login, type TestWorld } from '../factories/world.factory';
import { startTestApp, type TestApp } from '../setup/test-app';
import { startTestWorker } from '../setup/test-worker';

const SESSION = '/api/v1/admin/queue-dashboard/session';

/** The queue dashboard: admins only, through a short-lived HTTP-only cookie tied to their session. */
describe('queue dashboard', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let world: TestWorld;

  beforeAll(async () => {
    t = await startTestApp();
    worker = await startTestWorker();
    world = await buildWorld(t.http);
  });
  afterAll(async () => {
    await worker.close();
    await t.close();
  });

  const cookieOf = (setCookie: string | null): string => (setCookie ?? '').split(';')[0] ?? '';

  it('should refuse the dashboard without the cookie, and the cookie to anyone but admins', async () => {
    expect((await t.http.get('/admin/queues')).status).toBe(401);
    expect((await t.http.get('/admin/queues/api/queues')).status).toBe(401);
    expect(
      (await t.http.get('/admin/queues', { headers: { cookie: 'accompany_queue_dashboard=forged' } })).status,
    ).toBe(401);
    for (const user of [world.a.supervisor, world.a.accompanier, world.a.psychologist]) {
      expect((await t.http.post(SESSION, undefined, { token: user.accessToken })).status).toBe(403);
    }
    expect((await t.http.post(SESSION)).status).toBe(401);
  });

  it('should open the dashboard for an admin, show failed jobs, and close it when the session ends', async () => {
    const admin = await login(t.http, ADMIN.email, ADMIN.password);
    const opened = await t.http.post(SESSION, undefined, { token: admin.accessToken });
    expect(opened.status).toBe(200);
    const setCookie = opened.headers.get('set-cookie');
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(setCookie).toMatch(/Path=\/admin\/queues/);
    const cookie = cookieOf(setCookie);

    const page = await t.http.get('/admin/queues', { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);

    // A job whose payload the processor refuses fails at once (one attempt) and shows as failed.
    await t.app
      .get(JobProducer)
      .remindersQueue.add(
        JobName.ReminderCheck,
        { reminderId: 'not-a-uuid', version: 1 },
        { attempts: 1, jobId: 'bad-payload' },
      );
    const failed = await waitFor(
      async () => {
        const answer = await t.http.get('/admin/queues/api/queues?activeQueue=reminders&status=failed', {
          headers: { cookie },
        });
        const queue = (
          answer.body as {
            queues: Array<{ name: string; counts: Record<string, number>; jobs: Array<{ id: string }> }>;
          }
        ).queues.find((q) => q.name === 'reminders');
        return queue;
      },
      (queue) => (queue?.counts.failed ?? 0) > 0,
      { timeoutMs: 10_000 },
    );
    expect(failed?.counts.failed).toBeGreaterThan(0);
    expect(failed?.jobs.map((job) => job.id)).toContain('bad-payload');

    await t.http.post('/api/v1/auth/logout', { refreshToken: admin.refreshToken });
    expect((await t.http.get('/admin/queues', { headers: { cookie } })).status).toBe(401);
  });
});
