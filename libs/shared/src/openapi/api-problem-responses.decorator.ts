import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, type ContentObject, getSchemaPath, type HeadersObject } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '../http/problem';
import { mergeApiResponse } from './merge-api-response';
import { ProblemDto } from './problem.dto';
import { RESPONSE_HEADERS } from './response-headers';

/** The error statuses routes declare one by one (others fall under `default`). */
export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 412 | 422 | 429 | 503;

const DEFAULT_DESCRIPTIONS: Record<ProblemStatus, string> = {
  400: 'Invalid input; `errors` names each bad field',
  401: 'Missing, invalid or ended session',
  403: 'The role may never do this',
  404: 'Absent, or not visible to the caller',
  409: 'Conflict with the current state (a duplicate, a concurrent change, a request still in flight)',
  412: 'If-Match names a version that is no longer current',
  422: 'Well-formed, but the rules or the current state do not allow it',
  429: 'Too many attempts; wait Retry-After seconds',
  503: 'A dependency is unavailable',
};

const HEADERS: Partial<Record<ProblemStatus, HeadersObject>> = {
  429: { 'Retry-After': RESPONSE_HEADERS['Retry-After'] },
};

export interface ProblemResponse {
  status: ProblemStatus;
  description: string;
  /** A problem with documented extension members (a subclass of ProblemDto). */
  type?: Type<ProblemDto>;
}

/** `application/problem+json` with the ProblemDto schema (or a subclass). */
export function problemContent(type: Type<ProblemDto> = ProblemDto): ContentObject {
  return { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(type) } } };
}

/**
 * Documents the error answers of a route as problem+json, e.g.
 * `@ApiProblemResponses(400, 404, { status: 422, description: 'Closed families cannot...' })`.
 */
export function ApiProblemResponses(...responses: Array<ProblemStatus | ProblemResponse>): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemDto),
    ...responses.map((response) => {
      const { status, description, type } =
        typeof response === 'number'
          ? { status: response, description: DEFAULT_DESCRIPTIONS[response], type: undefined }
          : response;
      return applyDecorators(
        ...(type ? [ApiExtraModels(type)] : []),
        mergeApiResponse(
          status,
          { description, content: problemContent(type), headers: HEADERS[status] },
          { generic: typeof response === 'number' },
        ),
      );
    }),
  );
}

/**
 * What any route may answer besides its own statuses: the body limit (413), a body that is
 * not JSON (415), a database outage (503 with Retry-After) and 500 (only the request id).
 */
export const DEFAULT_PROBLEM_DESCRIPTION =
  'Any other failure, as problem+json: 413 body too large, 415 not JSON, 500 (carries only the ' +
  'request id), 503 database unavailable';
