import fastifyCookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '@accompany/config';
import { mountQueueDashboard } from '@accompany/ops';
import { createValidationPipe, ProblemFilter, REQUEST_ID_HEADER, resolveRequestId } from '@accompany/shared';
import { ApiModule } from './api.module';
import { applyApiPrefix } from './api-prefix';
import { setUpOpenApi } from './openapi';

export { API_PREFIX } from './api-prefix';

/**
 * Builds the HTTP application exactly as production runs it; main.ts and the e2e tests
 * both call this, so tests exercise the real pipeline (helmet, limits, errors, docs).
 */
export async function createApiApp(
  config: AppConfig,
  /** Modules mounted beside the API's own (tests contribute e.g. visibility rules this way). */
  extraModules: Array<Type | DynamicModule> = [],
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.http.bodyLimitBytes,
    trustProxy: config.http.trustProxy,
    genReqId: resolveRequestId,
    requestIdHeader: false,
    routerOptions: { maxParamLength: 200 },
  });
  const app = await NestFactory.create<NestFastifyApplication>(rootModule(extraModules), adapter, {
    bufferLogs: true,
    abortOnError: false,
    // Only Fastify's own JSON parser: Nest would add a form-urlencoded one.
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));

  const fastify = app.getHttpAdapter().getInstance();
  // JSON only: any other body type is refused with 415 instead of reaching a DTO as text.
  fastify.removeContentTypeParser(['text/plain']);
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Swagger UI needs inline styles and scripts of its own.
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
      },
    },
  });
  await app.register(fastifyCookie);
  await mountQueueDashboard(app);
  if (config.http.corsOrigins.length > 0) {
    app.enableCors({
      origin: config.http.corsOrigins,
      credentials: false,
      exposedHeaders: ['ETag', 'X-Request-Id'],
    });
  }

  applyApiPrefix(app);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemFilter());
  app.enableShutdownHooks();
  setUpOpenApi(app);
  return app;
}

function rootModule(extraModules: Array<Type | DynamicModule>): Type {
  if (extraModules.length === 0) return ApiModule;
  @Module({ imports: [ApiModule, ...extraModules] })
  class ApiWithExtras {}
  return ApiWithExtras;
}
