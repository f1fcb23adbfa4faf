import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SECURITY_HEADERS } from '@accompany/shared';
import { isAppNavigation } from './app-navigation';

/** Where `npm run build` puts the web UI (`npm start` and the Docker image run from the root). */
export const WEB_DIST_DIR = resolve(process.cwd(), 'dist/web');

/**
 * Serves the browser UI at `/`: its built files (one route per file, found at start-up, so
 * nothing else on disk is reachable) with the strict `web` security headers, and its
 * index.html for browser navigations to the app's own paths. Everything else, /api, /health
 * and /admin above all, keeps Nest's problem+json 404. Without a build (unit and e2e runs
 * that never built the UI) nothing is mounted.
 */
export async function mountWebApp(app: NestFastifyApplication, webDir = WEB_DIST_DIR): Promise<boolean> {
  const indexFile = join(webDir, 'index.html');
  if (!existsSync(indexFile)) return false;
  const indexHtml = readFileSync(indexFile);
  const webHeaders = SECURITY_HEADERS.web;
  const fastify = app.getHttpAdapter().getInstance();

  await fastify.register(async (scope) => {
    scope.addHook('onRequest', (_request, reply, done) => {
      void reply.headers(webHeaders);
      done();
    });
    await scope.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      index: false,
      redirect: false,
      dotfiles: 'deny',
      decorateReply: false,
      // Vite names every asset by its content hash: a changed file is a new URL.
      setHeaders: (reply: FastifyReply, path: string) => {
        void reply.header(
          'cache-control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
    const sendIndex = (reply: FastifyReply) =>
      reply
        .headers(webHeaders)
        .header('cache-control', 'no-cache')
        .type('text/html; charset=utf-8')
        .send(indexHtml);
    scope.get('/', (_request, reply) => sendIndex(reply));
    // Not the app's: answered by Nest's not-found handler (problem+json), as without the UI.
    scope.get('/*', (request: FastifyRequest, reply) =>
      isAppNavigation(request.url, request.headers.accept) ? sendIndex(reply) : reply.callNotFound(),
    );
  });
  return true;
}
