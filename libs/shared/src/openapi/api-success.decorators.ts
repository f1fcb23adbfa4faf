import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, DECORATORS, getSchemaPath, type HeadersObject } from '@nestjs/swagger';
import { mergeApiResponse } from './merge-api-response';
import { RESPONSE_HEADERS } from './response-headers';

type Model = Type<unknown>;

/**
 * One DTO, a list of one DTO (`[Dto]`), exactly one of several DTOs (`{ oneOf: [A, B] }`,
 * told apart by a field), or any of several (`{ anyOf: [A, B] }`, when one is a subset
 * of another).
 */
export type SuccessBody = Model | [Model] | { oneOf: Model[] } | { anyOf: Model[] };

/**
 * Whether answers of this DTO carry an ETag: VersionEtagInterceptor sends one for every
 * body with a numeric `version`, so the documentation follows the same rule.
 */
export function isVersioned(model: Model): boolean {
  const version = Reflect.getMetadata(
    DECORATORS.API_MODEL_PROPERTIES,
    model.prototype as object,
    'version',
  ) as { type?: unknown } | undefined;
  return version?.type === Number || version?.type === 'integer' || version?.type === 'number';
}

function modelsOf(body: SuccessBody): Model[] {
  if (Array.isArray(body)) return body;
  if ('oneOf' in body) return body.oneOf;
  if ('anyOf' in body) return body.anyOf;
  return [body];
}

function etagHeaders(models: Model[], isList: boolean): HeadersObject {
  const versioned = isList ? [] : models.filter(isVersioned);
  if (versioned.length === 0) return {};
  if (versioned.length === models.length) return { ETag: RESPONSE_HEADERS.ETag };
  return {
    ETag: {
      ...RESPONSE_HEADERS.ETag,
      required: false,
      description: `${RESPONSE_HEADERS.ETag.description} (${versioned.map((m) => m.name).join(', ')} only)`,
    },
  };
}

function successResponse(status: number, body: SuccessBody, description: string): MethodDecorator {
  const models = modelsOf(body);
  const isList = Array.isArray(body);
  const headers = etagHeaders(models, isList);
  const refs = models.map((model) => ({ $ref: getSchemaPath(model) }));
  const shape =
    !isList && 'oneOf' in body
      ? { schema: { oneOf: refs } }
      : !isList && 'anyOf' in body
        ? { schema: { anyOf: refs } }
        : { type: models[0], isArray: isList };
  return applyDecorators(
    ApiExtraModels(...models),
    mergeApiResponse(status, { description, headers, ...shape }),
  );
}

/** 200 with this body (and ETag when the body is versioned). */
export function ApiOk(body: SuccessBody, description = 'OK'): MethodDecorator {
  return successResponse(200, body, description);
}

/** 201 with the created record (and ETag when it is versioned). */
export function ApiCreated(body: SuccessBody, description = 'Created'): MethodDecorator {
  return successResponse(201, body, description);
}

/** 204 without a body. */
export function ApiNoContent(description: string): MethodDecorator {
  return mergeApiResponse(204, { description });
}
