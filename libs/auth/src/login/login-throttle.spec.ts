import { decideLoginAttempt, type ThrottleState } from './login-throttle';

const SETTINGS = { maxFailures: 5, lockSeconds: 900, windowSeconds: 900 };
const T0 = new Date('2026-01-01T10:00:00Z');
const at = (seconds: number): Date => new Date(T0.getTime() + seconds * 1000);

function attempts(count: number, start: ThrottleState | null = null, step = 1) {
  let state = start;
  const decisions = [];
  for (let i = 0; i < count; i += 1) {
    const decision = decideLoginAttempt(state, at(i * step), SETTINGS);
    decisions.push(decision);
    state = decision.next;
  }
  return { decisions, state };
}

describe(decideLoginAttempt.name, () => {
  it('should allow five attempts and lock the sixth for the lock duration', () => {
    const { decisions } = attempts(6);
    expect(decisions.slice(0, 5).every((d) => d.allowed)).toBe(true);
    const sixth = decisions[5];
    expect(sixth).toMatchObject({ allowed: false, lockedNow: true, retryAfterSeconds: 900 });
  });

  it('should keep refusing while locked, counting down Retry-After, without extending the lock', () => {
    const { state } = attempts(6);
    const later = decideLoginAttempt(state, at(300), SETTINGS);
    expect(later).toMatchObject({ allowed: false, lockedNow: false, retryAfterSeconds: 605 });
    expect(later.next.lockedUntil).toEqual(state?.lockedUntil);
  });

  it('should start afresh once the lock has ended, even while the window that counted the failures is still open', () => {
    // A lock shorter than the window: the first attempt after the lock falls inside the window,
    // where carrying the old count on would refuse it (7 > 5). Starting afresh allows five again.
    const settings = { maxFailures: 5, lockSeconds: 60, windowSeconds: 900 };
    let state: ThrottleState | null = null;
    for (let i = 0; i < 6; i += 1) state = decideLoginAttempt(state, at(i), settings).next;
    expect(state?.lockedUntil).toEqual(at(5 + 60));
    const firstAfterLock = at(5 + 61);
    expect(firstAfterLock.getTime() - state!.windowStartedAt.getTime()).toBeLessThan(900 * 1000);
    const decisions = [];
    for (let i = 0; i < 6; i += 1) {
      const decision = decideLoginAttempt(state, new Date(firstAfterLock.getTime() + i * 1000), settings);
      decisions.push(decision);
      state = decision.next;
    }
    expect(decisions[0]).toMatchObject({ allowed: true, next: { attempts: 1, lockedUntil: null } });
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, true, true, false]);
  });

  it('should forget attempts older than the window', () => {
    const { state } = attempts(5);
    const decision = decideLoginAttempt(state, at(4 + 900), SETTINGS);
    expect(decision).toMatchObject({ allowed: true, next: { attempts: 1 } });
  });

  it('should count attempts within the window', () => {
    const { state } = attempts(5, null, 100);
    expect(state?.attempts).toBe(5);
    expect(decideLoginAttempt(state, at(499), SETTINGS).allowed).toBe(false);
  });

  it('should let the attempt at the very end of the lock through, starting a new count', () => {
    const { state } = attempts(6);
    const atEnd = decideLoginAttempt(state, state!.lockedUntil!, SETTINGS);
    expect(atEnd).toEqual({
      allowed: true,
      next: { attempts: 1, windowStartedAt: state!.lockedUntil, lockedUntil: null },
    });
  });

  it('should count afresh after a lock ended, even within the window of the locked attempts', () => {
    const ended: ThrottleState = { attempts: 6, windowStartedAt: at(0), lockedUntil: at(60) };
    expect(decideLoginAttempt(ended, at(120), SETTINGS)).toEqual({
      allowed: true,
      next: { attempts: 1, windowStartedAt: at(120), lockedUntil: null },
    });
  });

  it('should open a new window exactly when the old one has lasted windowSeconds', () => {
    const counting: ThrottleState = { attempts: 4, windowStartedAt: at(0), lockedUntil: null };
    expect(decideLoginAttempt(counting, at(899), SETTINGS).next).toEqual({
      attempts: 5,
      windowStartedAt: at(0),
      lockedUntil: null,
    });
    expect(decideLoginAttempt(counting, at(900), SETTINGS).next).toEqual({
      attempts: 1,
      windowStartedAt: at(900),
      lockedUntil: null,
    });
  });
});
