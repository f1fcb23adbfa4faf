import { Writable } from 'node:stream';
import pino from 'pino';
import { REDACT_PATHS, serializeRequest } from './redaction';

function capture(): { logger: pino.Logger; lines: () => string } {
  let out = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      out += chunk.toString();
      done();
    },
  });
  return {
    logger: pino({ redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, stream),
    lines: () => out,
  };
}

describe('log redaction', () => {
  it('should hide credentials, tokens, notes and names at any of three depths', () => {
    const { logger, lines } = capture();
    logger.info(
      {
        password: 'hunter2-password',
        req: { headers: { authorization: 'Bearer abc.def.ghi' } },
        body: { refreshToken: 'r-token-value', member: { fullName: 'Aysel Məmmədova' } },
        notes: 'clinical note text',
        familyId: 'f-1',
      },
      'event',
    );
    const text = lines();
    for (const secret of [
      'hunter2-password',
      'abc.def.ghi',
      'r-token-value',
      'Aysel',
      'clinical note text',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('f-1');
  });

  it('should log a request without its query string, which may hold a searched name', () => {
    expect(serializeRequest({ id: 'r1', method: 'GET', url: '/api/v1/families?q=Mamedov' })).toEqual({
      id: 'r1',
      method: 'GET',
      path: '/api/v1/families',
    });
  });
});
