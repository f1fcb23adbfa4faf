/**
 * Per-account login throttling, as a pure decision over the stored state, so the rule is
 * unit-tested and the repository only applies it under a row lock.
 *
 * Every attempt is counted before the password is checked (concurrent guesses cannot
 * slip past the limit); a successful login clears the count. The attempt after
 * `maxFailures` counted ones is refused with 429 until the lock ends.
 */
export interface ThrottleState {
  attempts: number;
  windowStartedAt: Date;
  lockedUntil: Date | null;
}

export interface ThrottleSettings {
  maxFailures: number;
  lockSeconds: number;
  windowSeconds: number;
}

export type ThrottleDecision =
  | { allowed: true; next: ThrottleState }
  | { allowed: false; next: ThrottleState; retryAfterSeconds: number; lockedNow: boolean };

export function decideLoginAttempt(
  current: ThrottleState | null,
  now: Date,
  settings: ThrottleSettings,
): ThrottleDecision {
  if (current?.lockedUntil && current.lockedUntil > now) {
    return {
      allowed: false,
      next: current,
      retryAfterSeconds: secondsUntil(current.lockedUntil, now),
      lockedNow: false,
    };
  }
  const windowOpen =
    current !== null &&
    current.lockedUntil === null &&
    now.getTime() - current.windowStartedAt.getTime() < settings.windowSeconds * 1000;
  const attempts = windowOpen ? current.attempts + 1 : 1;
  const windowStartedAt = windowOpen ? current.windowStartedAt : now;

  if (attempts > settings.maxFailures) {
    const lockedUntil = new Date(now.getTime() + settings.lockSeconds * 1000);
    return {
      allowed: false,
      next: { attempts, windowStartedAt, lockedUntil },
      retryAfterSeconds: settings.lockSeconds,
      lockedNow: true,
    };
  }
  return { allowed: true, next: { attempts, windowStartedAt, lockedUntil: null } };
}

function secondsUntil(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
}
