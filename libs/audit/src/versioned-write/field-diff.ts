/**
 * Field-level comparison for PATCH requests: which requested values differ from the stored
 * ones. JSON.stringify is not enough: it calls two equal instants different when one is a
 * Date and the other an ISO string, and depends on key order.
 */

/** Whether two stored/requested values mean the same thing. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined) return false;
  if (a instanceof Date || b instanceof Date) {
    const left = instantOf(a);
    const right = instantOf(b);
    return left !== null && left === right;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => sameValue(item, b[index]));
  }
  if (typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      if (!sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
    }
    return true;
  }
  return false;
}

function instantOf(value: unknown): number | null {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'string') {
    const time = Date.parse(value);
    return Number.isNaN(time) ? null : time;
  }
  return null;
}

export interface FieldDiff<Changes> {
  /** Only the fields whose value changes, ready for the UPDATE. */
  changes: Changes;
  /** Their names, for the audit event (values never enter the audit log). */
  changedFields: string[];
}

/**
 * The fields of `patch` that change `current`. An undefined value means "not sent" and is
 * skipped; null is a value (it clears a nullable field).
 */
export function diffFields<Changes extends object>(
  current: object,
  patch: Changes,
): FieldDiff<Partial<Changes>> {
  const changes: Partial<Changes> = {};
  const changedFields: string[] = [];
  for (const [field, value] of Object.entries(patch) as Array<[keyof Changes & string, unknown]>) {
    if (value === undefined) continue;
    if (sameValue(value, (current as Record<string, unknown>)[field])) continue;
    changes[field] = value as Changes[keyof Changes & string];
    changedFields.push(field);
  }
  return { changes, changedFields };
}
