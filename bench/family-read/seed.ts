import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

/** What the seed created: the ids the load generator cycles over and the supervisor's login. */
export interface Seeded {
  teamId: string;
  supervisorId: string;
  accompanierId: string;
  familyIds: string[];
}

export interface SeedInput {
  databaseUrl: string;
  families: number;
  supervisorEmail: string;
  /** argon2id hash of the supervisor's password, made with the app's parameters. */
  supervisorPasswordHash: string;
}

/**
 * Bulk seed in one transaction: a team, a supervisor and an accompanier, then N families
 * (assigned to the accompanier), each with two members and one linked missing person.
 * generate_series, not the API: 10,000 families take a second or two.
 */
export async function seed(input: SeedInput): Promise<Seeded> {
  const teamId = randomUUID();
  const supervisorId = randomUUID();
  const accompanierId = randomUUID();
  const year = new Date().getUTCFullYear();
  const client = new Client({ connectionString: input.databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO teams (id, version, name, region) VALUES ($1, 1, 'Bench team', 'Bench region')`,
      [teamId],
    );
    await client.query(
      `INSERT INTO users (id, version, email, full_name, password_hash, role, team_id)
       VALUES ($1, 1, $2, 'Bench Supervisor', $3, 'supervisor', $4),
              ($5, 1, 'accompanier@bench.accompany.local', 'Bench Accompanier', $3, 'accompanier', $4)`,
      [supervisorId, input.supervisorEmail, input.supervisorPasswordHash, teamId, accompanierId],
    );
    await client.query(
      `CREATE TEMP TABLE bench_seed ON COMMIT DROP AS
       SELECT i, gen_random_uuid() AS family_id, gen_random_uuid() AS person_id,
              now() - make_interval(mins => $1::int - i) AS at
         FROM generate_series(1, $1::int) AS i`,
      [input.families],
    );
    await client.query(
      `INSERT INTO families (id, created_at, updated_at, version, reference, team_id, assigned_accompanier_id,
                             status, preferred_language, address, consent, created_by)
       SELECT family_id, at, at, 1, 'FAM-' || $1::int || '-' || lpad(i::text, 6, '0'), $2, $3, 'open', 'az',
              'Nizami street ' || i || ', Barda',
              jsonb_build_object(
                'dataProcessing', jsonb_build_object('given', true, 'recordedAt', to_char(at AT TIME ZONE 'UTC',
                  'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'recordedBy', $4::text),
                'sharingWithAuthorities', jsonb_build_object('given', false, 'recordedAt', to_char(at AT TIME ZONE 'UTC',
                  'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'recordedBy', $4::text)),
              $4::uuid
         FROM bench_seed`,
      [year, teamId, accompanierId, supervisorId],
    );
    await client.query(
      `INSERT INTO family_members (family_id, created_at, updated_at, version, full_name, other_names, search_text,
                                   sex, birth_date, birth_year, relationship, is_contact_person, phone)
       SELECT s.family_id, s.at + make_interval(secs => k), s.at + make_interval(secs => k), 1,
              CASE k WHEN 1 THEN 'Aysel Məmmədova ' || s.i ELSE 'Rəşad Məmmədov ' || s.i END,
              CASE k WHEN 1 THEN ARRAY['Aysel Mammadova'] ELSE ARRAY[]::text[] END,
              CASE k WHEN 1 THEN 'aysel mammadova ' || s.i || ' | aysel mammadova' ELSE 'rasad mammadov ' || s.i END,
              CASE k WHEN 1 THEN 'female' ELSE 'male' END,
              CASE k WHEN 1 THEN DATE '1961-04-12' ELSE NULL END,
              CASE k WHEN 1 THEN NULL ELSE 1988 END,
              CASE k WHEN 1 THEN 'mother' ELSE 'sibling' END,
              k = 1,
              CASE k WHEN 1 THEN '+994 50 555 ' || lpad((s.i % 10000)::text, 4, '0') ELSE NULL END
         FROM bench_seed s CROSS JOIN generate_series(1, 2) AS k`,
    );
    await client.query(
      `INSERT INTO missing_persons (id, created_at, updated_at, version, full_name, other_names, search_text, sex,
                                    birth_date, disappeared_on, disappearance_place, circumstances,
                                    external_references, status)
       SELECT person_id, at, at, 1, 'Elçin Məmmədov ' || i, ARRAY['Elchin Mammadov'],
              'elcin mammadov ' || i || ' | elchin mammadov', 'male', DATE '1970-02-01', DATE '1992-05-08',
              'Shusha', 'Last seen at the checkpoint near the bridge.',
              jsonb_build_array(jsonb_build_object('authority', 'ICRC', 'number', 'AZ-' || i)), 'missing'
         FROM bench_seed`,
    );
    await client.query(
      `INSERT INTO family_missing_persons (family_id, missing_person_id, created_at)
       SELECT family_id, person_id, at FROM bench_seed`,
    );
    await client.query(
      `INSERT INTO family_reference_counters (year, last_number) VALUES ($1, $2)
       ON CONFLICT (year) DO UPDATE SET last_number = EXCLUDED.last_number`,
      [year, input.families],
    );
    const ids = await client.query<{ family_id: string }>('SELECT family_id FROM bench_seed ORDER BY i');
    await client.query('COMMIT');
    await client.query('ANALYZE');
    return { teamId, supervisorId, accompanierId, familyIds: ids.rows.map((r) => r.family_id) };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
