import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, getSchemaPath, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { BEARER_SCHEME } from '@accompany/auth';
import {
  DEFAULT_PROBLEM_DESCRIPTION,
  problemContent,
  ProblemDto,
  REQUEST_ID_HEADER,
} from '@accompany/shared';
import { API_TITLE, API_VERSION } from './api-info';

const TAGS: Array<[name: string, description: string]> = [
  ['index', 'Where to start: name, version, links'],
  ['health', 'Liveness and readiness probes'],
  ['auth', 'Sessions: login, refresh, logout, the own account'],
  ['teams', 'Teams (admins manage them)'],
  ['users', 'Staff accounts and the team directory'],
  ['families', 'Families, their members and the missing persons they seek'],
  ['missing persons', 'Missing persons, their status and its history'],
  ['contacts', 'Visits, calls and activities with a family, and their corrections'],
  ['reminders', 'Follow-ups due, escalated to supervisors when left open'],
  ['operations', "Operators' tools (admins)"],
];

const REQUEST_ID = 'X-Request-Id';

/**
 * The OpenAPI document of the API, built from the controllers' decorators. The running
 * app serves it at /api/docs-json; `npm run openapi` writes the same to openapi.json.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle(API_TITLE)
    .setDescription(
      'Case management for families of missing persons. Errors are RFC 9457 problem details ' +
        '(application/problem+json). Lists use keyset cursors. Versioned records answer with an ETag; ' +
        'send it back as If-Match to change them.',
    )
    .setVersion(API_VERSION)
    .setLicense('AGPL-3.0-only', 'https://www.gnu.org/licenses/agpl-3.0.html')
    .addServer('/', 'This deployment')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: 'The accessToken from POST /api/v1/auth/login (15 minutes; renew with /auth/refresh)',
      },
      BEARER_SCHEME,
    );
  for (const [name, description] of TAGS) builder.addTag(name, description);
  const document = SwaggerModule.createDocument(app, builder.build(), {
    operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}`,
  });
  return withCommonResponses(document);
}

/**
 * What every operation shares, added once here rather than on each route: the
 * X-Request-Id every answer carries (set in a Fastify hook), a `default` problem+json
 * answer for the failures any route may meet (body limit, media type, outages), and
 * `security: []` on public routes. Every route is either @Authenticated (which adds the
 * bearer requirement) or @Public (the route-scan e2e test enforces it), so an operation
 * without a requirement is a public one. (@nestjs/swagger drops an empty list set on a
 * method, hence here.)
 */
function withCommonResponses(document: OpenAPIObject): OpenAPIObject {
  document.components ??= {};
  document.components.headers = {
    ...document.components.headers,
    [REQUEST_ID]: {
      description: `The request's id (the caller's ${REQUEST_ID_HEADER} when it is a sane token); quote it when reporting a problem`,
      required: true,
      schema: { type: 'string' },
    },
  };
  const problemRef = getSchemaPath(ProblemDto);
  for (const item of Object.values(document.paths)) {
    for (const operation of [item.get, item.put, item.post, item.delete, item.patch]) {
      if (!operation) continue;
      operation.security ??= [];
      operation.responses.default ??= { description: DEFAULT_PROBLEM_DESCRIPTION, content: problemContent() };
      for (const response of Object.values(operation.responses)) {
        if (!response || '$ref' in response) continue;
        response.headers = {
          [REQUEST_ID]: { $ref: `#/components/headers/${REQUEST_ID}` },
          ...response.headers,
        };
      }
    }
  }
  if (!document.components.schemas?.[problemRef.split('/').pop() ?? '']) {
    throw new Error('The problem schema is missing: is ApiProblemResponses used anywhere?');
  }
  return document;
}
