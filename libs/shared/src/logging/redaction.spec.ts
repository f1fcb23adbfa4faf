import { Writable } from 'node:stream';
import pino from 'pino';
import { AppLogger } from './app-logger';
import { REDACT_PATHS, SENSITIVE_KEYS, serializeRequest } from './redaction';

function capture(): { logger: pino.Logger; lines: () => string[] } {
  const out: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      out.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return {
    logger: pino({ level: 'trace', redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, stream),
    lines: () => out,
  };
}

/**
 * Written out here, not read from redaction.ts: dropping a key from the module's list must
 * fail this test rather than silently shrink it.
 */
const MUST_BE_REDACTED = [
  'authorization',
  'cookie',
  'password',
  'currentPassword',
  'newPassword',
  'passwordHash',
  'accessToken',
  'refreshToken',
  'token',
  'secret',
  'notes',
  'note',
  'summary',
  'fullName',
  'otherNames',
  'email',
  'phone',
  'address',
  'circumstances',
];

/** `{ key: value }` nested so that `key` sits at `depth` (1: top level). */
function nestedAt(depth: number, key: string, value: string): Record<string, unknown> {
  let object: Record<string, unknown> = { [key]: value };
  for (let level = depth; level > 1; level--) object = { [`level${level - 1}`]: object };
  return object;
}

describe('log redaction', () => {
  it('should list every sensitive key (the module and this test agree)', () => {
    expect([...SENSITIVE_KEYS].sort()).toEqual([...MUST_BE_REDACTED].sort());
  });

  describe.each([1, 2, 3])('at depth %i', (depth) => {
    it.each(MUST_BE_REDACTED)('should hide %s', (key) => {
      const { logger, lines } = capture();
      const value = `sensitive-${key}-${depth}`;
      logger.info({ ...nestedAt(depth, key, value), familyId: 'f-1' }, 'event');
      const [line] = lines();
      expect(line).toBeDefined();
      expect(line).not.toContain(value);
      expect(line).toContain('[redacted]');
      // The rest of the line survives: redaction hides values, not events.
      expect(line).toContain('f-1');
    });
  });

  it('should hide credentials, tokens, notes and names in one realistic line', () => {
    const { logger, lines } = capture();
    logger.info(
      {
        password: 'hunter2-password',
        req: { headers: { authorization: 'Bearer abc.def.ghi', 'idempotency-key': 'idem-key-1' } },
        body: { refreshToken: 'r-token-value', member: { fullName: 'Aysel Məmmədova' } },
        notes: 'clinical note text',
        familyId: 'f-1',
      },
      'event',
    );
    const text = lines().join('\n');
    for (const secret of [
      'hunter2-password',
      'abc.def.ghi',
      'idem-key-1',
      'r-token-value',
      'Aysel',
      'clinical note text',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('f-1');
  });

  it('should redact what goes through the Nest logger too, keeping its context', () => {
    const { logger, lines } = capture();
    new AppLogger(logger).warn({ phone: '+994 50 123 45 67', familyId: 'f-2' }, 'contact failed', 'Notifier');
    const line = JSON.parse(lines()[0] ?? '{}') as Record<string, unknown>;
    expect(line).toMatchObject({
      phone: '[redacted]',
      familyId: 'f-2',
      context: 'Notifier',
      msg: 'contact failed',
    });
  });

  it('should log a request without its query string, which may hold a searched name', () => {
    expect(serializeRequest({ id: 'r1', method: 'GET', url: '/api/v1/families?q=Mamedov' })).toEqual({
      id: 'r1',
      method: 'GET',
      path: '/api/v1/families',
    });
    expect(serializeRequest({ id: 'r2', method: 'GET' })).toEqual({ id: 'r2', method: 'GET', path: '' });
  });
});
