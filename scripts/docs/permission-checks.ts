import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Files that define permissions rather than check them. */
const DEFINITIONS = /access\/(role-permissions|permission\.enum)\.ts$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [full] : [];
  });
}

/**
 * For each permission (by enum key → value), the source files outside controllers that
 * name it in code: object-level checks a route table cannot show (assigning, closing).
 */
export function permissionChecks(
  root: string,
  permissions: Readonly<Record<string, string>>,
  dirs: readonly string[] = ['libs', 'apps'],
): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  const files = dirs.flatMap((dir) => sourceFiles(path.join(root, dir)));
  for (const file of files) {
    const relative = path.relative(root, file);
    if (DEFINITIONS.test(relative) || relative.endsWith('.controller.ts')) continue;
    const text = readFileSync(file, 'utf8');
    for (const [key, value] of Object.entries(permissions)) {
      if (new RegExp(`\\bPermission\\.${key}\\b`).test(text)) (found[value] ??= []).push(relative);
    }
  }
  return found;
}
