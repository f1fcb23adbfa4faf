import type { FastifyRequest } from 'fastify';

/** The caller's address as Fastify resolved it (honouring TRUST_PROXY). */
export function clientIp(request: FastifyRequest): string {
  return request.ip || request.socket.remoteAddress || 'unknown';
}
