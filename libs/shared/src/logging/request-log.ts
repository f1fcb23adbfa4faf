import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger as Pino } from 'pino';
import { serializeRequest } from './redaction';

/**
 * One line per answered request: `requestId`, `req` (id, method, path without the query
 * string, which may hold a searched name), `res.statusCode`, `responseTime` (ms). Health
 * probes are not logged.
 *
 * Written by a pino instance of its own without redaction: its fields are fixed and hold
 * ids only, so the 61 redaction paths of the application logger (38 of them wildcards,
 * walked on every call) would find nothing. No child logger and no async context per
 * request: the line is built once the answer has been sent.
 */
export class RequestLog {
  constructor(private readonly pino: Pino) {}

  register(fastify: FastifyInstance): void {
    // Below info (LOG_LEVEL=warn, error) only failed answers are logged, so the hook stays.
    if (!this.pino.isLevelEnabled('error')) return;
    fastify.addHook('onResponse', (request, reply, done) => {
      this.write(request, reply);
      done();
    });
  }

  private write(request: FastifyRequest, reply: FastifyReply): void {
    if (request.url.startsWith('/health')) return;
    const statusCode = reply.statusCode;
    if (statusCode < 500 && !this.pino.isLevelEnabled('info')) return;
    const line = {
      requestId: request.id,
      req: serializeRequest(request),
      res: { statusCode },
      responseTime: Math.round(reply.elapsedTime),
    };
    if (statusCode >= 500) this.pino.error(line, 'request errored');
    else this.pino.info(line, 'request completed');
  }
}
