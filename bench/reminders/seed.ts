import { type Client } from 'pg';
import { seed, type Seeded } from '../family-read/seed';

/** Families the reminders belong to (reminders of one family do not interfere with each other). */
const FAMILIES = 200;

/** A team, its accompanier and supervisor, and FAMILIES families to hang reminders on. */
export function seedOwners(databaseUrl: string): Promise<Seeded> {
  return seed({
    databaseUrl,
    families: FAMILIES,
    supervisorEmail: 'supervisor@bench.accompany.local',
    // Nobody logs in during this bench.
    supervisorPasswordHash: 'no-login',
  });
}

/** When the inserted reminders fall due, in the database's clock. */
export type DueAt =
  /** All at the same instant. */
  | { at: Date }
  /** Evenly over [from, from + overMs). */
  | { from: Date; overMs: number };

/**
 * Inserts `count` scheduled follow-up reminders (version 1), spread over the owners' families,
 * in one statement. Rows are what the app would have written; only the volume is bulk.
 */
export async function insertReminders(
  client: Client,
  owners: Seeded,
  count: number,
  due: DueAt,
): Promise<void> {
  const [from, overMs] = 'at' in due ? [due.at, 0] : [due.from, due.overMs];
  await client.query(
    `INSERT INTO reminders (version, kind, family_id, team_id, assignee_id, due_at, status)
     SELECT 1, 'follow_up_contact', ($1::uuid[])[1 + i % array_length($1::uuid[], 1)], $2, $3,
            $4::timestamptz + make_interval(secs => (i::double precision * $5 / $6) / 1000), 'scheduled'
       FROM generate_series(0, $6::int - 1) AS i`,
    [owners.familyIds, owners.teamId, owners.accompanierId, from, overMs, count],
  );
}

/** Empties the reminders table (each scenario analyses what it inserts). */
export async function clearReminders(client: Client): Promise<void> {
  await client.query('TRUNCATE reminders');
}

/** How far the rows got: all due exactly once means every row has status due and version 2. */
export interface DrainState {
  due: number;
  notOnce: number;
}

export async function drainState(client: Client): Promise<DrainState> {
  const { rows } = await client.query<{ due: string; not_once: string }>(
    `SELECT count(*) FILTER (WHERE status = 'due') AS due,
            count(*) FILTER (WHERE status = 'due' AND version <> 2) AS not_once
       FROM reminders`,
  );
  return { due: Number(rows[0]?.due ?? 0), notOnce: Number(rows[0]?.not_once ?? 0) };
}

/** Lateness of each reminder made due: when its row changed (`updated_at`) minus `due_at`, in ms. */
export interface Lateness {
  count: number;
  p50: number;
  p99: number;
  max: number;
  min: number;
  /** From the first due_at to the last change: how long the whole set took. */
  spanMs: number;
}

export async function lateness(client: Client): Promise<Lateness> {
  const { rows } = await client.query<Record<keyof Lateness, string>>(
    `SELECT count(*) AS count,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50,
            percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS p99,
            max(ms) AS max, min(ms) AS min,
            extract(epoch FROM max(updated_at) - min(due_at)) * 1000 AS "spanMs"
       FROM (SELECT updated_at, due_at, extract(epoch FROM updated_at - due_at) * 1000 AS ms
               FROM reminders WHERE status = 'due') AS r`,
  );
  const row = rows[0]!;
  return {
    count: Number(row.count),
    p50: Number(row.p50),
    p99: Number(row.p99),
    max: Number(row.max),
    min: Number(row.min),
    spanMs: Number(row.spanMs),
  };
}
