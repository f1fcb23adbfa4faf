import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * Checks real answers against the committed openapi.json: the documented status, media
 * type, body schema and headers of the operation that was called. The e2e HttpClient runs
 * it on every response, so a route that answers something its documentation does not say
 * fails the test that called it. (openapi.e2e-spec.ts proves the file is what the app serves.)
 */

type Json = Record<string, unknown>;

interface Operation {
  key: string;
  responses: Record<string, Json>;
}

interface RouteMatcher {
  template: string;
  pattern: RegExp;
  params: number;
  methods: Record<string, Operation>;
}

/**
 * Statuses any route may answer without listing them, because the HTTP layer gives them
 * before a route runs (body too large or of another type, a path segment over the router's
 * limit, headers too large, an unknown method): they fall under `default`.
 */
const TRANSPORT_STATUSES = new Set([413, 414, 415, 431, 501]);

/** Headers whose presence must be documented (an undocumented one fails, as a missing one does). */
const TRACKED_HEADERS = ['etag', 'retry-after', 'idempotent-replayed', 'set-cookie', 'location'];

/**
 * Problem details may carry extension members (RFC 9457 § 3.2): the generic problem stays
 * open; every other object schema is closed, so an undocumented field fails.
 */
const OPEN_SCHEMAS = new Set(['ProblemDto']);

const COMPONENTS_ID = 'openapi-components';

/** OpenAPI 3.0 schema → JSON Schema for Ajv: `nullable`, closed objects, local refs. */
export function toJsonSchema(schema: unknown, open = false): unknown {
  if (Array.isArray(schema)) return schema.map((item) => toJsonSchema(item));
  if (typeof schema !== 'object' || schema === null) return schema;
  const { nullable, ...rest } = schema as Json;
  const converted: Json = {};
  for (const [key, value] of Object.entries(rest)) {
    if (key === 'example') continue;
    if (key === '$ref' && typeof value === 'string') {
      converted.$ref = value.replace('#/components/schemas/', `${COMPONENTS_ID}#/definitions/`);
    } else if (key === 'properties' && typeof value === 'object' && value !== null) {
      converted.properties = Object.fromEntries(
        Object.entries(value as Json).map(([name, property]) => [name, toJsonSchema(property)]),
      );
    } else {
      converted[key] = toJsonSchema(value);
    }
  }
  if (converted.properties && converted.additionalProperties === undefined && !open) {
    converted.additionalProperties = false;
  }
  return nullable === true ? { anyOf: [converted, { type: 'null' }] } : converted;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export class OpenApiResponses {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly routes: RouteMatcher[];
  /** One compiled validator per operation, status and media type, built on first use. */
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(document: Json) {
    addFormats(this.ajv);
    this.ajv.addFormat('password', true);
    const schemas = ((document.components as Json | undefined)?.schemas ?? {}) as Json;
    this.ajv.addSchema({
      $id: COMPONENTS_ID,
      definitions: Object.fromEntries(
        Object.entries(schemas).map(([name, schema]) => [name, toJsonSchema(schema, OPEN_SCHEMAS.has(name))]),
      ),
    });
    this.routes = Object.entries(document.paths as Record<string, Json>)
      .map(([template, item]) => ({
        template,
        pattern: new RegExp(`^${escapeRegExp(template).replace(/\\\{[^}]+\\\}/g, '[^/]+')}/?$`),
        params: (template.match(/\{/g) ?? []).length,
        methods: Object.fromEntries(
          Object.entries(item).map(([method, operation]) => [
            method.toUpperCase(),
            {
              key: `${method.toUpperCase()} ${template}`,
              responses: (operation as Json).responses as Record<string, Json>,
            },
          ]),
        ),
      }))
      // Literal paths before templated ones (`/users/me` before `/users/{id}`).
      .sort((a, b) => a.params - b.params);
  }

  static fromCommittedFile(): OpenApiResponses {
    return new OpenApiResponses(
      JSON.parse(readFileSync(resolve(process.cwd(), 'openapi.json'), 'utf8')) as Json,
    );
  }

  /** The documented operation of a request, or undefined for paths the API does not document. */
  operationOf(method: string, url: string): Operation | undefined {
    const path = new URL(url, 'http://x').pathname;
    return this.routes.find((route) => route.pattern.test(path))?.methods[method.toUpperCase()];
  }

  /** What is wrong with this answer, according to the document; empty when it is right. */
  check(method: string, url: string, status: number, headers: Headers, body: unknown): string[] {
    const operation = this.operationOf(method, url);
    if (!operation) return [];
    const statusKey = String(status);
    const fallsToDefault = status >= 500 || TRANSPORT_STATUSES.has(status);
    const response =
      operation.responses[statusKey] ?? (fallsToDefault ? operation.responses.default : undefined);
    if (!response) return [`${operation.key} answered ${status}, which it does not document`];
    const where = `${operation.key} → ${status}`;
    return [
      ...this.checkHeaders(where, response, headers),
      ...this.checkBody(where, `${operation.key} ${statusKey}`, response, headers, body),
    ];
  }

  private checkHeaders(where: string, response: Json, headers: Headers): string[] {
    const documented = new Map(
      Object.entries((response.headers ?? {}) as Record<string, Json>).map(([name, header]) => [
        name.toLowerCase(),
        header,
      ]),
    );
    const problems: string[] = [];
    for (const [name, header] of documented) {
      if (header.required === true && !headers.has(name)) {
        problems.push(`${where}: header ${name} is missing`);
      }
    }
    for (const name of TRACKED_HEADERS) {
      if (headers.has(name) && !documented.has(name)) {
        problems.push(`${where}: header ${name} is not documented`);
      }
    }
    return problems;
  }

  private checkBody(where: string, key: string, response: Json, headers: Headers, body: unknown): string[] {
    const content = response.content as Record<string, Json> | undefined;
    const mediaType = (headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
    const hasBody = body !== '' && body !== undefined;
    if (!content) return hasBody ? [`${where}: documents no body but got ${mediaType || 'one'}`] : [];
    const media = content[mediaType];
    if (!media) {
      return [`${where}: answered ${mediaType || 'no body'}, documented ${Object.keys(content).join(', ')}`];
    }
    const cacheKey = `${key} ${mediaType}`;
    let validate = this.compiled.get(cacheKey);
    if (!validate) {
      validate = this.ajv.compile(toJsonSchema(media.schema ?? {}) as Json);
      this.compiled.set(cacheKey, validate);
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).map(
      (error) =>
        `${where}: body${error.instancePath} ${error.message ?? 'is invalid'}` +
        (error.params && Object.keys(error.params).length > 0 ? ` ${JSON.stringify(error.params)}` : ''),
    );
  }
}
