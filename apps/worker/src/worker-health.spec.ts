import type { SweepStatus } from '@accompany/reminders';
import { HEARTBEAT_STALE_MS, workerHealth } from './worker-health';

const FRESH: SweepStatus = { lastSuccessAt: '2026-03-10T12:00:00.000Z', ageSeconds: 20, stale: false };
const STALE: SweepStatus = { ...FRESH, ageSeconds: 3600, stale: true };

describe(workerHealth.name, () => {
  it('should be healthy with a fresh heartbeat and a recent sweep', () => {
    expect(workerHealth(5000, FRESH)).toEqual({ healthy: true, problems: [] });
  });

  it('should be unhealthy when the last sweep is too old, even with a fresh heartbeat', () => {
    expect(workerHealth(5000, STALE)).toEqual({ healthy: false, problems: ['sweep'] });
  });

  it('should be unhealthy without a fresh heartbeat', () => {
    expect(workerHealth(HEARTBEAT_STALE_MS, FRESH)).toEqual({ healthy: false, problems: ['heartbeat'] });
    expect(workerHealth(null, STALE)).toEqual({ healthy: false, problems: ['heartbeat', 'sweep'] });
  });
});
