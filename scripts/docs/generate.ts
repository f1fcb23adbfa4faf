/**
 * `npm run docs:generate` rewrites the generated sections of docs/domain.md and docs/api.md
 * from the code (status transitions, reminder kinds, the role → permission table, the
 * endpoints); `npm run docs:check` (part of `npm run check`) fails when they are stale.
 */
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';
import { Permission, ROLE_PERMISSIONS } from '@accompany/auth';
import { FAMILY_TRANSITIONS, MISSING_PERSON_TRANSITIONS } from '@accompany/families';
import { ReminderKind, ReminderStatus } from '@accompany/reminders';
import { ApiModule } from '../../apps/api/src/api.module';
import { API_PREFIX } from '../../apps/api/src/create-api-app';
import { controllersOf, routesOf } from './api-routes';
import { permissionChecks } from './permission-checks';
import { declaredSections, replaceSections } from './marked-sections';
import { endpointTable, permissionTable, transitionTable, valueList } from './tables';

const ROOT = path.resolve(__dirname, '../..');

function sectionsByPage(): Record<string, Record<string, string>> {
  const routes = routesOf(controllersOf(ApiModule), API_PREFIX);
  const permissions = Object.values(Permission) as string[];
  return {
    'docs/domain.md': {
      'family-transitions': transitionTable(FAMILY_TRANSITIONS),
      'missing-person-transitions': transitionTable(MISSING_PERSON_TRANSITIONS),
      'reminder-kinds': `Kinds: ${valueList(Object.values(ReminderKind))}.\n\nStatuses: ${valueList(Object.values(ReminderStatus))}.`,
      'role-permissions': permissionTable(
        permissions,
        ROLE_PERMISSIONS,
        routes,
        permissionChecks(ROOT, Permission),
      ),
    },
    'docs/api.md': { endpoints: endpointTable(routes, ROLE_PERMISSIONS) },
  };
}

async function main(check: boolean): Promise<number> {
  const stale: string[] = [];
  const config = (await prettier.resolveConfig(path.join(ROOT, 'docs/domain.md'))) ?? {};
  for (const [page, sections] of Object.entries(sectionsByPage())) {
    const file = path.join(ROOT, page);
    const current = readFileSync(file, 'utf8');
    const unknown = declaredSections(current).filter((name) => !(name in sections));
    if (unknown.length > 0) throw new Error(`${page}: no generator for section(s) ${unknown.join(', ')}`);
    const next = await prettier.format(replaceSections(current, sections), { ...config, filepath: file });
    if (next === current) continue;
    if (check) stale.push(page);
    else writeFileSync(file, next);
  }
  if (stale.length > 0) {
    process.stderr.write(`stale generated sections in ${stale.join(', ')}: run npm run docs:generate\n`);
    return 1;
  }
  return 0;
}

main(process.argv.includes('--check')).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
