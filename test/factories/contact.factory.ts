import type { DataSource } from 'typeorm';
import type { HttpResponse } from '../setup/http-client';
import type { FamilyApi } from './family.factory';

/** An ISO time `ms` milliseconds from now (negative: in the past). */
export function isoIn(ms: number): string {
  return new Date(Date.now() + ms).toISOString();
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A complete, valid contact body: a home visit a minute ago. */
export function contactBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'home_visit',
    occurredAt: isoIn(-60_000),
    durationMinutes: 45,
    summary: 'Talked with the mother about the search',
    needs: ['psychosocial'],
    actionsAgreed: 'Call the State Commission together',
    ...overrides,
  };
}

/** Records a contact and fails loudly unless the API answers 201. */
export async function recordContact(
  api: FamilyApi,
  token: string,
  familyId: string,
  overrides: Record<string, unknown> = {},
): Promise<Record<string, any>> {
  const response = await api.post(`/families/${familyId}/contacts`, contactBody(overrides), token);
  if (response.status !== 201) throw new Error(`contact failed: ${response.status} ${response.text}`);
  return response.body as Record<string, any>;
}

export interface Reminder {
  id: string;
  kind: string;
  familyId: string;
  /** The contact that planned it (follow-ups and retries). */
  sourceContactId: string | null;
  teamId: string;
  assigneeId: string;
  dueAt: string;
  status: string;
  escalatedAt: string | null;
  doneAt: string | null;
  note: string | null;
  informedAt: string | null;
  version: number;
}

/** GET /reminders with a query string; fails loudly unless 200. */
export async function inbox(api: FamilyApi, token: string, query = ''): Promise<Reminder[]> {
  const response: HttpResponse = await api.get(`/reminders?limit=200${query ? `&${query}` : ''}`, token);
  if (response.status !== 200) throw new Error(`inbox failed: ${response.status} ${response.text}`);
  return (response.body as { items: Reminder[] }).items;
}

/** The reminder of `kind` for a family in the caller's list, if any. */
export async function findReminder(
  api: FamilyApi,
  token: string,
  familyId: string,
  kind: string,
  query = '',
): Promise<Reminder | undefined> {
  return (await inbox(api, token, query)).find((r) => r.familyId === familyId && r.kind === kind);
}

/**
 * Polls `probe` every `everyMs` until `done` holds or `timeoutMs` passes; returns the last
 * value, so the caller asserts on it (a timeout then fails with the real answer in view).
 */
export async function waitFor<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  { timeoutMs = 15_000, everyMs = 200 }: { timeoutMs?: number; everyMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() >= deadline) return value;
    await sleep(everyMs);
  }
}

/** Polls a user's list (`query`, e.g. `status=due`) until the family's reminder of `kind` shows up. */
export function awaitReminder(
  api: FamilyApi,
  token: string,
  familyId: string,
  kind: string,
  query: string,
  timeoutMs = 15_000,
): Promise<Reminder | undefined> {
  return waitFor(
    () => findReminder(api, token, familyId, kind, query),
    (r) => r !== undefined,
    { timeoutMs },
  );
}

export interface ReminderRow {
  id: string;
  kind: string;
  status: string;
  assignee_id: string;
  version: number;
}

/** The family's reminders as stored, oldest first. */
export function reminderRows(dataSource: DataSource, familyId: string): Promise<ReminderRow[]> {
  return dataSource.query(
    `SELECT id, kind, status, assignee_id, version FROM reminders
      WHERE family_id = $1 ORDER BY created_at, id`,
    [familyId],
  );
}

/** How many contacts a family has, as stored. */
export async function contactCount(dataSource: DataSource, familyId: string): Promise<number> {
  const rows: Array<{ n: number }> = await dataSource.query(
    'SELECT count(*)::int AS n FROM contacts WHERE family_id = $1',
    [familyId],
  );
  return rows[0]?.n ?? 0;
}
