import { createServer } from 'node:net';
import type { INestApplicationContext } from '@nestjs/common';
import { SMTPServer } from 'smtp-server';
import { awaitReminder, isoIn, recordContact, waitFor } from '../factories/contact.factory';
import { FamilyApi } from '../factories/family.factory';
import { buildWorld, type TestWorld } from '../factories/world.factory';
import { startTestApp, type TestApp } from '../setup/test-app';
import { startTestWorker } from '../setup/test-worker';

interface Mail {
  to: string[];
  body: string;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** The e-mail channel against a real SMTP server on loopback: a due reminder mails its assignee, and nothing personal. */
describe('e-mail notification channel', () => {
  const mails: Mail[] = [];
  let smtp: SMTPServer;
  let t: TestApp;
  let worker: INestApplicationContext;
  let world: TestWorld;
  let api: FamilyApi;

  beforeAll(async () => {
    const port = await freePort();
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let body = '';
        stream.on('data', (chunk: Buffer) => (body += chunk.toString()));
        stream.on('end', () => {
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address), body });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(port, '127.0.0.1', resolve));
    const settings = {
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      ESCALATION_GRACE: 'P1D',
      REMINDER_HORIZON: 'P1D',
    };
    t = await startTestApp(settings);
    worker = await startTestWorker(settings);
    world = await buildWorld(t.http);
    api = new FamilyApi(t.http);
  });
  afterAll(async () => {
    await worker.close();
    await t.close();
    await new Promise<void>((resolve) => smtp.close(resolve));
  });

  it('should e-mail the assignee when a follow-up comes due, naming no one', async () => {
    const token = world.a.accompanier.accessToken;
    const family = await api.createFamily(token, {
      members: [{ fullName: 'Gülnarə Səfərova', relationship: 'mother' }],
    });
    await recordContact(api, token, family.id, { nextFollowUpAt: isoIn(1500), summary: 'Spoke about Elşən' });
    const due = await awaitReminder(api, token, family.id, 'follow_up_contact', 'status=due');
    expect(due).toBeDefined();
    const received = await waitFor(
      () => Promise.resolve(mails.filter((m) => m.to.includes(world.a.accompanier.email))),
      (list) => list.length > 0,
      { timeoutMs: 10_000 },
    );
    expect(received).toHaveLength(1);
    const body = received[0]!.body;
    expect(body).toContain('Accompany: a reminder is due');
    expect(body).toContain(due!.id);
    for (const personal of ['Gülnarə', 'Səfərova', 'Elşən', family.id]) expect(body).not.toContain(personal);
  }, 30_000);
});
