import { Writable } from 'node:stream';
import pino from 'pino';
import { AppLogger } from './app-logger';

function capture(level = 'info'): { logger: AppLogger; lines: () => Array<Record<string, unknown>> } {
  const out: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        out.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  return { logger: new AppLogger(pino({ level }, stream)), lines: () => out };
}

describe(AppLogger.name, () => {
  it("should write Nest's string calls with their context", () => {
    const { logger, lines } = capture();
    logger.log('Starting Nest application...', 'NestFactory');
    expect(lines()).toEqual([
      expect.objectContaining({ level: 30, context: 'NestFactory', msg: 'Starting Nest application...' }),
    ]);
  });

  it('should merge a fields object and take the message after it', () => {
    const { logger, lines } = capture();
    logger.warn({ queue: 'reminders' }, 'worker connection error', 'QueueWorkers');
    expect(lines()[0]).toMatchObject({
      level: 40,
      queue: 'reminders',
      msg: 'worker connection error',
      context: 'QueueWorkers',
    });
  });

  it("should turn Nest's error(message, stack) into an err with that stack", () => {
    const { logger, lines } = capture();
    logger.error('boom', 'Error: boom\n    at somewhere (file.js:1:1)', 'ExceptionsHandler');
    const line = lines()[0] as { level: number; msg: string; err: { stack: string } };
    expect(line.level).toBe(50);
    expect(line.msg).toBe('boom');
    expect(line.err.stack).toContain('at somewhere');
  });

  it('should skip levels below the configured one', () => {
    const { logger, lines } = capture('warn');
    logger.log('quiet');
    logger.debug('quieter');
    logger.warn('loud');
    expect(lines().map((l) => l.msg)).toEqual(['loud']);
  });
});
