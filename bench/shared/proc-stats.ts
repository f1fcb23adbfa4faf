import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';

/** CPU accounting from /proc (Linux); every reader answers null elsewhere. */

let clockTicks: number | undefined;
function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

function statFields(pid: number): { comm: string; cpuTicks: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = text.lastIndexOf(')');
    const comm = text.slice(text.indexOf('(') + 1, close);
    const rest = text.slice(close + 2).split(' ');
    // After "pid (comm) ": state=0 … utime=11, stime=12 (fields 14 and 15 of proc(5)).
    return { comm, cpuTicks: Number(rest[11]) + Number(rest[12]) };
  } catch {
    return null;
  }
}

/** User + system CPU of one process, in ms. */
export function processCpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  const stat = statFields(pid);
  return stat ? (stat.cpuTicks * 1000) / ticksPerSecond() : null;
}

/**
 * CPU of the PostgreSQL processes serving one database: its backends (pg_stat_activity) and
 * the server's background processes (checkpointer, WAL writer…, `datname IS NULL`). Backends
 * of other databases (someone's test suite on the same server) are left out, so they show as
 * foreign load rather than as the bench's PostgreSQL cost.
 */
export class PostgresCpuMeter {
  private constructor(
    private readonly client: Client,
    private readonly database: string,
    private readonly excludePids: number[],
  ) {}

  /** `excludePids`: the bench's own backends (e.g. the one that polls progress), not measured. */
  static async open(
    databaseUrl: string,
    database: string,
    excludePids: number[] = [],
  ): Promise<PostgresCpuMeter> {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    return new PostgresCpuMeter(client, database, excludePids);
  }

  /** pid → CPU ms so far; null where /proc is not available. */
  async snapshot(): Promise<Map<number, number> | null> {
    const { rows } = await this.client.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity
        WHERE (datname = $1 OR datname IS NULL) AND pid <> pg_backend_pid() AND pid <> ALL($2::int[])`,
      [this.database, this.excludePids],
    );
    const cpu = new Map<number, number>();
    for (const { pid } of rows) {
      const ms = processCpuMs(pid);
      if (ms === null) return null;
      cpu.set(pid, ms);
    }
    return cpu;
  }

  /** CPU used between two snapshots (a process that ended in between counts 0, one that began counts whole). */
  static delta(before: Map<number, number> | null, after: Map<number, number> | null): number | null {
    if (!before || !after) return null;
    let ms = 0;
    for (const [pid, cpu] of after) ms += cpu - (before.get(pid) ?? 0);
    return ms;
  }

  close(): Promise<void> {
    return this.client.end();
  }
}

/** Machine-wide busy and total CPU time in ms, all cores (first line of /proc/stat). */
export function machineCpu(): { busy: number; total: number; ioWait: number } | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const values = line.trim().split(/\s+/).slice(1).map(Number);
    const total = values.reduce((a, b) => a + b, 0);
    const idle = (values[3] ?? 0) + (values[4] ?? 0);
    const ms = 1000 / ticksPerSecond();
    return { busy: (total - idle) * ms, total: total * ms, ioWait: (values[4] ?? 0) * ms };
  } catch {
    return null;
  }
}
