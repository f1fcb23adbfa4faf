import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { PROBLEM_CONTENT_TYPE, toProblem } from './problem';

/**
 * A database error carries the query's parameters (names, notes) and PostgreSQL's message
 * may quote a value: log only where it happened, never what was sent.
 */
function loggableError(error: unknown): unknown {
  if (!(error instanceof QueryFailedError)) return error;
  const driver = error.driverError as {
    code?: string;
    table?: string;
    constraint?: string;
    routine?: string;
  };
  return {
    type: 'QueryFailedError',
    sqlState: driver.code,
    table: driver.table,
    constraint: driver.constraint,
    routine: driver.routine,
    stack: error.stack?.split('\n').slice(1).join('\n'),
  };
}

/**
 * The one place errors become HTTP answers: every error, from a service, a guard, a pipe
 * or Fastify's own body parsing, leaves as application/problem+json. 5xx bodies carry the
 * request id and nothing of the error itself; the log line has the stack.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const problem = toProblem(error, String(request.id), request.url.split('?')[0] ?? '/');
    if (problem.status >= 500) {
      this.logger.error(
        { err: loggableError(error), requestId: request.id, code: problem.body.code },
        'request failed',
      );
    }
    void reply
      .status(problem.status)
      .headers(problem.headers)
      .header('content-type', PROBLEM_CONTENT_TYPE)
      .send(problem.body);
  }
}
