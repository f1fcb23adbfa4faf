import { expect } from '@jest/globals';
import type { DataSource } from 'typeorm';
import type { HttpResponse } from '../setup/http-client';

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Asserts an RFC 9457 problem answer with the given status and returns its body. */
export function expectProblem(response: HttpResponse, status: number): Record<string, any> {
  expect({ status: response.status, text: response.text }).toMatchObject({ status });
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = response.body as Record<string, any>;
  expect(body).toEqual(
    expect.objectContaining({
      type: expect.any(String),
      title: expect.any(String),
      status,
      detail: expect.any(String),
      instance: expect.any(String),
      requestId: expect.any(String),
    }),
  );
  expect(body.requestId).toBe(response.headers.get('x-request-id'));
  return body;
}

export type Item = Record<string, unknown>;

/** The items of a 200 list answer. */
export function itemsOf(response: HttpResponse): Item[] {
  expect({ status: response.status, text: response.text }).toMatchObject({ status: 200 });
  return (response.body as { items: Item[] }).items;
}

/** The ids of a 200 list answer, in answer order. */
export function idsOf(response: HttpResponse): string[] {
  return itemsOf(response).map((item) => item.id as string);
}

/** The field names a problem's `errors` list names. */
export function problemFields(body: Record<string, any>): string[] {
  const errors = (body.errors ?? []) as Array<{ field: string }>;
  return errors.map((error) => error.field);
}

export interface AuditRow {
  action: string;
  entity_type: string;
  entity_id: string | null;
  actor_id: string | null;
  team_id: string | null;
  changed_fields: string[];
}

/** The audit events written about one record, oldest first. */
export async function auditRowsFor(dataSource: DataSource, entityId: string): Promise<AuditRow[]> {
  return dataSource.query(
    `SELECT action, entity_type, entity_id, actor_id, team_id, changed_fields
       FROM audit_events WHERE entity_id = $1 ORDER BY sequence`,
    [entityId],
  );
}

/** A base64url cursor of any JSON value, to forge cursors the API did not issue. */
export function forgeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
