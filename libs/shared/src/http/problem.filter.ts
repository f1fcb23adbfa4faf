import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE, toProblem } from './problem';

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
      this.logger.error({ err: error, requestId: request.id, code: problem.body.code }, 'request failed');
    }
    void reply
      .status(problem.status)
      .headers(problem.headers)
      .header('content-type', PROBLEM_CONTENT_TYPE)
      .send(problem.body);
  }
}
