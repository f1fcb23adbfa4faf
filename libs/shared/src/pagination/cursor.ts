import { isUUID } from 'class-validator';
import { ValidationFailedError } from '../errors';

/**
 * Keyset cursors: the sort key of the last row returned, opaque to clients (base64url JSON).
 * A cursor that does not decode to the expected shape is a 400, never a query.
 */
export type CursorKey = Array<string | number>;

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** What each part of a key must be; a cursor is client input, so every part is checked. */
export type CursorPart = 'string' | 'uuid' | 'timestamp';

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

function partIsValid(part: unknown, kind: CursorPart | undefined): boolean {
  if (typeof part !== 'string') return false;
  if (kind === 'uuid') return isUUID(part);
  if (kind === 'timestamp') return TIMESTAMP.test(part);
  return kind === 'string' && part.length <= 1000;
}

export function decodeCursor(cursor: string, shape: readonly CursorPart[]): string[] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === shape.length &&
      parsed.every((part, index) => partIsValid(part, shape[index]))
    ) {
      return parsed as string[];
    }
  } catch {
    // fall through to the validation error
  }
  throw new ValidationFailedError([
    { field: 'cursor', code: 'invalid_format', message: 'cursor is not valid' },
  ]);
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Turns `limit + 1` fetched rows into a page, the extra row proving there is a next one. */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  keyOf: (row: Row) => CursorKey,
  map: (row: Row) => Item,
): Page<Item> {
  const visible = rows.slice(0, limit);
  const last = visible[visible.length - 1];
  return {
    items: visible.map(map),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}
