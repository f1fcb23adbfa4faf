import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { PROBLEM_CONTENT_TYPE, toProblem } from './problem';
import { REQUEST_ID_HEADER } from './request-id';

function pathOf(url: string): string {
  return url.split('?')[0] ?? '/';
}

/** Fastify's router refusals (a badly encoded URL, a path parameter too long) as problems. */
function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const problem = toProblem(error, String(request.id), pathOf(request.url));
  void reply
    .status(problem.status)
    .headers(problem.headers)
    .header(REQUEST_ID_HEADER, request.id)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .send(problem.body);
}

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (an unknown method, headers
 * or URL too large, a timeout): there is no request object, so the answer is written to
 * the socket by hand, still as a problem with a request id of its own.
 */
function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const requestId = randomUUID();
    const problem = toProblem(error, requestId, '/');
    const body = JSON.stringify(problem.body);
    const headers = [
      `HTTP/1.1 ${problem.status} ${problem.body.title}`,
      `Content-Type: ${PROBLEM_CONTENT_TYPE}`,
      `Content-Length: ${Buffer.byteLength(body)}`,
      `X-Request-Id: ${requestId}`,
      'Connection: close',
    ];
    socket.end(`${headers.join('\r\n')}\r\n\r\n${body}`);
    return;
  }
  socket.destroy(error);
}

/**
 * Fastify server options so that every error the service sends, even those raised before
 * routing, is `application/problem+json` (api.md § Conventions).
 */
export function problemServerOptions(): Pick<FastifyServerOptions, 'frameworkErrors' | 'clientErrorHandler'> {
  return {
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
  };
}
