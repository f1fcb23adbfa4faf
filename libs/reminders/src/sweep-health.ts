/** The row of `reminder_sweeps` that the reminder sweep keeps. */
export const REMINDER_SWEEP = 'reminders';

/** When the sweep last completed, and how long ago by the database's clock. */
export interface SweepRecord {
  lastSuccessAt: Date;
  ageMs: number;
}

/** The last sweep as health reports show it; `stale` means reminders may not be reaching Redis. */
export interface SweepStatus {
  lastSuccessAt: string | null;
  ageSeconds: number | null;
  stale: boolean;
}

/**
 * The worker's watchdog sweeps on its own once two runs were missed (plus slack for a slow
 * sweep): the scheduler exists but its runs do not happen.
 */
export function sweepOverdueAfterMs(sweepEveryMs: number): number {
  return 2 * sweepEveryMs + 10_000;
}

/**
 * Health calls the sweep stale after two missed runs and a minute: by then the watchdog has
 * tried to sweep itself and failed too (database or Redis unreachable, the worker stuck).
 */
export function sweepStaleAfterMs(sweepEveryMs: number): number {
  return 2 * sweepEveryMs + 60_000;
}

/** How often the watchdog looks: every sweep interval, at least once a minute. */
export function watchdogEveryMs(sweepEveryMs: number): number {
  return Math.min(sweepEveryMs, 60_000);
}

export function sweepStatus(record: SweepRecord | null, sweepEveryMs: number): SweepStatus {
  if (!record) return { lastSuccessAt: null, ageSeconds: null, stale: true };
  return {
    lastSuccessAt: record.lastSuccessAt.toISOString(),
    ageSeconds: Math.max(0, Math.round(record.ageMs / 1000)),
    stale: record.ageMs > sweepStaleAfterMs(sweepEveryMs),
  };
}

/** SQL runner of either client (TypeORM's manager or a bare pg client), answering rows. */
export type QueryRows = <Row>(sql: string, params: unknown[]) => Promise<Row[]>;

/**
 * Reads the sweep's record. Shared by the repository (worker watchdog, API readiness) and the
 * worker's container health check, which runs without Nest or TypeORM.
 */
export async function readSweepRecord(query: QueryRows, name = REMINDER_SWEEP): Promise<SweepRecord | null> {
  const rows = await query<{ lastSuccessAt: Date; ageMs: number }>(
    `SELECT last_success_at AS "lastSuccessAt",
            (EXTRACT(EPOCH FROM clock_timestamp() - last_success_at) * 1000)::float8 AS "ageMs"
       FROM reminder_sweeps WHERE name = $1`,
    [name],
  );
  const row = rows[0];
  return row ? { lastSuccessAt: new Date(row.lastSuccessAt), ageMs: Number(row.ageMs) } : null;
}
