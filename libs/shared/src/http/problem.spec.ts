import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  PreconditionFailedError,
  ServiceUnavailableError,
  TooManyRequestsError,
  UnauthorizedError,
  UnprocessableError,
  ValidationFailedError,
} from '../errors';
import { toProblem } from './problem';

function dbError(code: string): QueryFailedError {
  return new QueryFailedError('SELECT 1', [], Object.assign(new Error('db'), { code }));
}

describe(toProblem.name, () => {
  it.each([
    [new ValidationFailedError([{ field: 'email', code: 'invalid_format', message: 'bad' }]), 400],
    [new UnauthorizedError(), 401],
    [new ForbiddenError(), 403],
    [new NotFoundError(), 404],
    [new ConflictError('DUP', 'duplicate'), 409],
    [new PreconditionFailedError(), 412],
    [new UnprocessableError('BAD_MOVE', 'no'), 422],
    [new TooManyRequestsError(30), 429],
    [new ServiceUnavailableError(), 503],
  ])('should map %p to %i', (error, status) => {
    const problem = toProblem(error, 'req-1', '/x');
    expect(problem.status).toBe(status);
    expect(problem.body).toMatchObject({ status, requestId: 'req-1', instance: '/x', code: error.code });
    expect(problem.body.type).toMatch(/^urn:accompany:problem:/);
  });

  it('should list field errors and set Retry-After when the error carries them', () => {
    expect(
      toProblem(
        new ValidationFailedError([{ field: 'members[0].fullName', code: 'too_long', message: 'm' }]),
        'r',
        '/',
      ).body.errors,
    ).toEqual([{ field: 'members[0].fullName', code: 'too_long', message: 'm' }]);
    expect(toProblem(new TooManyRequestsError(12.2), 'r', '/').headers).toEqual({ 'retry-after': '13' });
  });

  it('should map Fastify refusals to 400, 413 and 415', () => {
    const fst = (code: string, statusCode: number) => Object.assign(new Error('x'), { code, statusCode });
    expect(toProblem(fst('FST_ERR_CTP_INVALID_JSON_BODY', 400), 'r', '/').status).toBe(400);
    expect(toProblem(fst('FST_ERR_CTP_BODY_TOO_LARGE', 413), 'r', '/').status).toBe(413);
    expect(toProblem(fst('FST_ERR_CTP_INVALID_MEDIA_TYPE', 415), 'r', '/').status).toBe(415);
    // As Nest hands them over: wrapped in an HttpException, the Fastify error as cause.
    const wrapped = new HttpException('x', 400, { cause: fst('FST_ERR_CTP_INVALID_JSON_BODY', 400) });
    expect(toProblem(wrapped, 'r', '/').body).toMatchObject({ status: 400, code: 'MALFORMED_JSON' });
  });

  it('should keep Nest HTTP exceptions', () => {
    expect(toProblem(new NotFoundException('Cannot GET /nope'), 'r', '/nope').status).toBe(404);
    expect(toProblem(new BadRequestException('bad json'), 'r', '/').body.detail).toBe('bad json');
  });

  it('should turn database conflicts into 409 and lost connections into 503', () => {
    expect(toProblem(dbError('23505'), 'r', '/').status).toBe(409);
    expect(toProblem(dbError('57P01'), 'r', '/').status).toBe(503);
    expect(toProblem(Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }), 'r', '/').status).toBe(
      503,
    );
  });

  it('should answer 500 with the request id and nothing of the error itself', () => {
    const problem = toProblem(new Error('secret detail at /srv/app.js:12'), 'req-9', '/');
    expect(problem.status).toBe(500);
    expect(problem.body.requestId).toBe('req-9');
    expect(JSON.stringify(problem.body)).not.toContain('secret detail');
    expect(JSON.stringify(problem.body)).not.toContain('stack');
  });
});
