import { ApiProperty, DECORATORS } from '@nestjs/swagger';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { ApiProblemResponses } from './api-problem-responses.decorator';
import { ApiCreated, ApiOk, isVersioned } from './api-success.decorators';

class Versioned {
  @ApiProperty({ type: 'integer' }) version!: number;
}
class Labelled {
  @ApiProperty() version!: string;
}
class Plain {
  @ApiProperty() name!: string;
}

type Responses = Record<
  string,
  { description: string; headers?: Record<string, unknown>; content?: unknown }
>;

function responsesOf(...decorators: MethodDecorator[]): Responses {
  class Host {
    handler(): void {}
  }
  const descriptor = Object.getOwnPropertyDescriptor(Host.prototype, 'handler')!;
  for (const decorate of decorators.reverse()) decorate(Host.prototype, 'handler', descriptor);
  return Reflect.getMetadata(DECORATORS.API_RESPONSE, descriptor.value as object) as Responses;
}

describe('OpenAPI decorators', () => {
  it('should call a DTO versioned only when its version is a number, as the ETag interceptor does', () => {
    expect([isVersioned(Versioned), isVersioned(Labelled), isVersioned(Plain)]).toEqual([true, false, false]);
  });

  it('should document ETag on versioned bodies only, and as optional when only some are', () => {
    expect(responsesOf(ApiOk(Versioned))['200']?.headers).toHaveProperty('ETag.required', true);
    expect(responsesOf(ApiOk(Plain))['200']?.headers).toBeUndefined();
    expect(responsesOf(ApiOk([Versioned]))['200']?.headers).toBeUndefined();
    expect(responsesOf(ApiOk({ anyOf: [Versioned, Plain] }))['200']?.headers).toHaveProperty(
      'ETag.required',
      false,
    );
  });

  it('should merge decorators on one status in any order: headers add up, own descriptions win', () => {
    for (const order of [
      [Idempotent(), ApiCreated(Versioned, 'The team')],
      [ApiCreated(Versioned, 'The team'), Idempotent()],
    ]) {
      const created = responsesOf(...order)['201'];
      expect(created?.description).toBe('The team');
      expect(Object.keys(created?.headers ?? {}).sort()).toEqual(['ETag', 'Idempotent-Replayed']);
    }
    for (const order of [
      [ApiProblemResponses(422), ApiProblemResponses({ status: 422, description: 'Closed family' })],
      [ApiProblemResponses({ status: 422, description: 'Closed family' }), ApiProblemResponses(422)],
    ]) {
      expect(responsesOf(...order)['422']?.description).toBe('Closed family');
    }
  });

  it('should describe errors as problem+json, 429 with Retry-After', () => {
    const responses = responsesOf(ApiProblemResponses(404, 429));
    expect(responses['404']?.content).toEqual({
      'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDto' } },
    });
    expect(responses['429']?.headers).toHaveProperty('Retry-After.required', true);
  });
});
