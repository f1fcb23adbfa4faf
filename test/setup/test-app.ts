import type { DynamicModule, Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadAppConfig } from '@accompany/config';
import type { LoggingOptions } from '@accompany/shared';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { HttpClient } from './http-client';

export interface TestApp {
  app: NestFastifyApplication;
  http: HttpClient;
  close(): Promise<void>;
}

/**
 * The real API (same bootstrap as main.ts) listening on a random loopback port.
 * `overrides` set environment variables for this app only (e.g. a lower login limit);
 * `logging.destination` captures its log lines; `extraModules` mount beside the API's own;
 * `webDir` serves a built UI at `/`.
 */
export async function startTestApp(
  overrides: Record<string, string> = {},
  options: {
    logging?: LoggingOptions;
    extraModules?: Array<Type | DynamicModule>;
    /** The built UI to serve; none by default, so API tests never depend on a UI build. */
    webDir?: string | false;
  } = {},
): Promise<TestApp> {
  const previous = Object.fromEntries(Object.keys(overrides).map((key) => [key, process.env[key]]));
  Object.assign(process.env, overrides);
  try {
    const app = await createApiApp(loadAppConfig(), { webDir: false, ...options });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : 0;
    return { app, http: new HttpClient(`http://127.0.0.1:${port}`), close: () => app.close() };
  } finally {
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}
