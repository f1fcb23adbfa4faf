import type { Problem } from '../api/client';

/** Field errors of a problem+json answer, by field name (the first message of each). */
export function fieldErrorsOf(problem: Problem | undefined | null): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const error of problem?.errors ?? []) errors[error.field] ??= error.message;
  return errors;
}
