import fastifyCookie from '@fastify/cookie';
import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '@accompany/config';
import { mountQueueDashboard } from '@accompany/ops';
import {
  API_PREFIX,
  AppLogger,
  createValidationPipe,
  type LoggingOptions,
  problemServerOptions,
  ProblemFilter,
  registerJsonBodyParser,
  REQUEST_ID_HEADER,
  RequestLog,
  resolveRequestId,
  SECURITY_HEADERS,
} from '@accompany/shared';
import { ApiModule } from './api.module';
import { applyApiPrefix } from './api-prefix';
import { setUpOpenApi } from './openapi';
import { mountWebApp, WEB_DIST_DIR } from './web/web-app.mount';

export { API_PREFIX };

/**
 * Builds the HTTP application exactly as production runs it; main.ts and the e2e tests
 * both call this, so tests exercise the real pipeline (helmet, limits, errors, docs).
 */
export async function createApiApp(
  config: AppConfig,
  options: {
    logging?: LoggingOptions;
    /** Modules mounted beside the API's own (tests contribute e.g. visibility rules this way). */
    extraModules?: Array<Type | DynamicModule>;
    /** The built browser UI served at `/` (dist/web by default); false serves none. */
    webDir?: string | false;
  } = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.http.bodyLimitBytes,
    trustProxy: config.http.trustProxy,
    genReqId: resolveRequestId,
    requestIdHeader: false,
    routerOptions: { maxParamLength: 200 },
    ...problemServerOptions(),
  });
  const root = rootModule(ApiModule.withLogging(options.logging), options.extraModules ?? []);
  const app = await NestFactory.create<NestFastifyApplication>(root, adapter, {
    bufferLogs: true,
    abortOnError: false,
    // Only Fastify's own JSON parser: Nest would add a form-urlencoded one.
    bodyParser: false,
  });
  app.useLogger(app.get(AppLogger));

  const fastify = app.getHttpAdapter().getInstance();
  // JSON only: any other body type is refused with 415 instead of reaching a DTO as text.
  fastify.removeContentTypeParser(['text/plain']);
  registerJsonBodyParser(fastify);
  // Every answer, errors and 404s included, carries its request id and the security
  // headers of its kind of route, built once (see SECURITY_HEADERS).
  const apiHeaders = SECURITY_HEADERS.api;
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.headers(apiHeaders).header(REQUEST_ID_HEADER, request.id);
    done();
  });
  app.get(RequestLog).register(fastify);

  await app.register(fastifyCookie);
  await mountQueueDashboard(app);
  const webDir = options.webDir ?? WEB_DIST_DIR;
  if (webDir !== false) await mountWebApp(app, webDir);
  if (config.http.corsOrigins.length > 0) {
    app.enableCors({
      origin: config.http.corsOrigins,
      credentials: false,
      exposedHeaders: ['ETag', 'X-Request-Id'],
    });
  }

  applyApiPrefix(app);
  app.useGlobalPipes(createValidationPipe({ historyFloor: config.historyFloorDate }));
  app.useGlobalFilters(new ProblemFilter());
  app.enableShutdownHooks();
  setUpOpenApi(app);
  return app;
}

function rootModule(api: DynamicModule, extraModules: Array<Type | DynamicModule>): DynamicModule | Type {
  if (extraModules.length === 0) return api;
  @Module({ imports: [api, ...extraModules] })
  class ApiWithExtras {}
  return ApiWithExtras;
}
