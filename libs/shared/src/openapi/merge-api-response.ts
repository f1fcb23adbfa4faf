import { type ContentObject, DECORATORS, type HeadersObject } from '@nestjs/swagger';

export interface ResponseEntry {
  description?: string;
  type?: unknown;
  isArray?: boolean;
  schema?: unknown;
  content?: ContentObject;
  headers?: HeadersObject;
}

/**
 * Adds to one documented response of a route instead of replacing it (as ApiResponse
 * does): headers accumulate, so several decorators (@Idempotent, @ApiCreated,
 * @ApiProblemResponses) may describe the same status in any order. A route's own
 * description wins over a generic one (`generic: true`) whatever the order.
 */
export function mergeApiResponse(
  status: number | 'default',
  entry: ResponseEntry,
  { generic = false }: { generic?: boolean } = {},
): MethodDecorator {
  return (_target, _key, descriptor) => {
    const handler = descriptor.value as object;
    const responses = (Reflect.getMetadata(DECORATORS.API_RESPONSE, handler) ?? {}) as Record<
      string,
      ResponseEntry
    >;
    const existing = responses[String(status)];
    const merged: ResponseEntry = {
      ...existing,
      ...entry,
      description: (!generic && entry.description) || existing?.description || entry.description || '',
      headers: { ...existing?.headers, ...entry.headers },
    };
    if (Object.keys(merged.headers ?? {}).length === 0) delete merged.headers;
    Reflect.defineMetadata(DECORATORS.API_RESPONSE, { ...responses, [status]: merged }, handler);
    return descriptor;
  };
}
