import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { DOCS_JSON_PATH, DOCS_PATH } from './api-info';
import { buildOpenApiDocument } from './openapi-document';

/** OpenAPI document at /api/docs-json and its UI at /api/docs, both public (they hold no data). */
export function setUpOpenApi(app: NestFastifyApplication): void {
  SwaggerModule.setup(DOCS_PATH, app, buildOpenApiDocument(app), {
    jsonDocumentUrl: DOCS_JSON_PATH,
    useGlobalPrefix: false,
  });
}
