/**
 * Text PostgreSQL cannot store (NUL, 0x00) or that is not Unicode (a lone UTF-16
 * surrogate, which also makes validators such as isEmail throw): refused in every string
 * and every key of the body, the query and the path, by one check before validation.
 */
const NUL = '\u0000';
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isUnsafeText(text: string): boolean {
  return text.includes(NUL) || LONE_SURROGATE.test(text);
}

function childPath(parent: string, key: string, inArray: boolean): string {
  if (inArray) return `${parent}[${key}]`;
  return parent === '' ? key : `${parent}.${key}`;
}

/**
 * The path (`members[0].fullName`) of the first unsafe string or key in `value`, or
 * undefined. Iterative, so it cannot overflow the stack; parsed bodies are already
 * bounded in depth and size.
 */
export function findUnsafeText(value: unknown, root = ''): string | undefined {
  const pending: Array<[unknown, string]> = [[value, root]];
  while (pending.length > 0) {
    const [current, path] = pending.pop()!;
    if (typeof current === 'string') {
      if (isUnsafeText(current)) return path;
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) {
        pending.push([current[i], childPath(path, String(i), true)]);
      }
    } else if (current !== null && typeof current === 'object') {
      const entries = Object.entries(current as Record<string, unknown>).reverse();
      for (const [key, child] of entries) {
        if (isUnsafeText(key)) return path;
        pending.push([child, childPath(path, key, false)]);
      }
    }
  }
  return undefined;
}
