export {
  ApiProblemResponses,
  DEFAULT_PROBLEM_DESCRIPTION,
  problemContent,
  type ProblemResponse,
  type ProblemStatus,
} from './api-problem-responses.decorator';
export { ApiCreated, ApiNoContent, ApiOk, isVersioned, type SuccessBody } from './api-success.decorators';
export { ApiIfMatch } from './api-if-match.decorator';
export { mergeApiResponse } from './merge-api-response';
export { FieldErrorDto, ProblemDto } from './problem.dto';
export { RESPONSE_HEADERS } from './response-headers';
