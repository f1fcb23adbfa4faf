import type { FastifyInstance } from 'fastify';
import { exceedsJsonDepth, MAX_JSON_DEPTH } from './json-depth';

/**
 * What an empty `application/json` body parses to. Fastify would refuse it at parse time,
 * before the route's access rule is known; this stand-in lets the guard answer 401/403
 * first, and the validation pipe then refuses it as EMPTY_BODY.
 */
export const EMPTY_JSON_BODY: Readonly<Record<string, never>> = Object.freeze({});

/** A body nested deeper than MAX_JSON_DEPTH (400 JSON_TOO_DEEP, mapped in problem.ts). */
class JsonTooDeepError extends Error {
  readonly code = 'JSON_TOO_DEEP';
  readonly statusCode = 400;
  constructor() {
    super(`The JSON body nests arrays or objects deeper than ${MAX_JSON_DEPTH} levels.`);
  }
}

/**
 * The one JSON parser: Fastify's own (prototype-poisoning checks, body limit → 413), after
 * a linear, non-recursive depth check, so hostile nesting is refused before anything
 * recursive (JSON.parse, class-transformer, class-validator) sees it.
 */
export function registerJsonBodyParser(fastify: FastifyInstance): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    if (text.length === 0) {
      done(null, EMPTY_JSON_BODY);
      return;
    }
    if (exceedsJsonDepth(text)) {
      done(new JsonTooDeepError(), undefined);
      return;
    }
    void parseJson(request, text, done);
  });
}
