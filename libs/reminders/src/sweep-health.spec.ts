import { sweepOverdueAfterMs, sweepStaleAfterMs, sweepStatus, watchdogEveryMs } from './sweep-health';

const MINUTE = 60_000;

describe(sweepStatus.name, () => {
  const at = new Date('2026-03-10T12:00:00Z');

  it('should call a sweep stale after two missed runs and a minute, not before', () => {
    expect(sweepStaleAfterMs(MINUTE)).toBe(3 * MINUTE);
    expect(sweepStatus({ lastSuccessAt: at, ageMs: 3 * MINUTE }, MINUTE)).toEqual({
      lastSuccessAt: at.toISOString(),
      ageSeconds: 180,
      stale: false,
    });
    expect(sweepStatus({ lastSuccessAt: at, ageMs: 3 * MINUTE + 1 }, MINUTE).stale).toBe(true);
  });

  it('should call a sweep that never ran stale', () => {
    expect(sweepStatus(null, MINUTE)).toEqual({ lastSuccessAt: null, ageSeconds: null, stale: true });
  });

  it('should not report a negative age when the clocks disagree', () => {
    expect(sweepStatus({ lastSuccessAt: at, ageMs: -400 }, MINUTE).ageSeconds).toBe(0);
  });
});

describe(watchdogEveryMs.name, () => {
  it('should look every sweep interval, and at least once a minute', () => {
    expect(watchdogEveryMs(2000)).toBe(2000);
    expect(watchdogEveryMs(10 * MINUTE)).toBe(MINUTE);
  });

  it('should sweep on its own before health calls the sweep stale', () => {
    for (const every of [1000, MINUTE, 3_600_000]) {
      expect(sweepOverdueAfterMs(every)).toBeGreaterThan(every);
      expect(sweepOverdueAfterMs(every)).toBeLessThan(sweepStaleAfterMs(every));
    }
  });
});
