import { type INestApplication, RequestMethod } from '@nestjs/common';
import { API_PREFIX } from '@accompany/shared';

/**
 * Every route under /api/v1 but the health checks (probes know fixed paths). Shared by
 * the running app and the OpenAPI generator, so both see the same paths.
 */
export function applyApiPrefix(app: INestApplication): void {
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
    ],
  });
}
