import { Client } from 'pg';
import { MIGRATIONS_TABLE } from '@accompany/persistence';

/** Catalog queries the backup and the restore share; each takes a connected client. */

export async function connect(databaseUrl: string): Promise<Client> {
  const client = new Client({ connectionString: databaseUrl, application_name: 'accompany-backup' });
  await client.connect();
  return client;
}

/** Exact rows per table of the public schema (count(*), not the planner's estimate). */
export async function countRows(client: Client): Promise<Record<string, number>> {
  const tables = await client.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables.rows) {
    const quoted = `"${name.replace(/"/g, '""')}"`;
    const result = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM public.${quoted}`);
    counts[name] = Number(result.rows[0]?.n ?? 0);
  }
  return counts;
}

/** The last applied migration's name, or null when the database was never migrated. */
export async function schemaVersion(client: Client): Promise<string | null> {
  const exists = await client.query<{ present: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS present`, [
    `public.${MIGRATIONS_TABLE}`,
  ]);
  if (!exists.rows[0]?.present) return null;
  const last = await client.query<{ name: string }>(
    `SELECT name FROM public.${MIGRATIONS_TABLE} ORDER BY "timestamp" DESC, id DESC LIMIT 1`,
  );
  return last.rows[0]?.name ?? null;
}

export async function serverVersion(client: Client): Promise<string> {
  const result = await client.query<{ server_version: string }>('SHOW server_version');
  return result.rows[0]?.server_version ?? 'unknown';
}

/**
 * Tables, views and sequences outside PostgreSQL's own schemas: zero for a database
 * fresh from CREATE DATABASE, the only kind a restore writes into without --force.
 */
export async function userRelationCount(client: Client): Promise<number> {
  const result = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n
       FROM pg_class c JOIN pg_namespace ns ON ns.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
        AND ns.nspname NOT IN ('pg_catalog', 'information_schema')
        AND ns.nspname NOT LIKE 'pg\\_toast%'
        AND ns.nspname NOT LIKE 'pg\\_temp\\_%'`,
  );
  return result.rows[0]?.n ?? 0;
}
