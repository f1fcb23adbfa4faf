import Fastify from 'fastify';
import pino from 'pino';
import { RequestLog } from './request-log';

/** The request line at each level: every answer at info, only failed ones below it. */
async function linesAt(level: string): Promise<Array<{ msg: string; res: { statusCode: number } }>> {
  const lines: string[] = [];
  const logger = pino({ level }, { write: (line: string) => void lines.push(line) });
  const app = Fastify();
  new RequestLog(logger).register(app);
  app.get('/ok', () => ({ ok: true }));
  app.get('/broken', () => {
    throw new Error('boom');
  });
  // A real socket (light-my-request's inject needs an ES module Jest cannot load everywhere).
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  await fetch(`${base}/ok`);
  await fetch(`${base}/broken`);
  await app.close();
  return lines.map((line) => JSON.parse(line) as { msg: string; res: { statusCode: number } });
}

describe('RequestLog', () => {
  it('should log every answer at info, a failed one as an error', async () => {
    const lines = await linesAt('info');
    expect(lines.map((l) => [l.msg, l.res.statusCode])).toEqual([
      ['request completed', 200],
      ['request errored', 500],
    ]);
  });

  it('should still log failed answers when the level is warn', async () => {
    const lines = await linesAt('warn');
    expect(lines.map((l) => [l.msg, l.res.statusCode])).toEqual([['request errored', 500]]);
  });
});
