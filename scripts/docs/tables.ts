/** Markdown renderings of the code's tables; pure, so the unit test can feed them small inputs. */

export interface RouteInfo {
  method: string;
  /** Full path as a client calls it, e.g. /api/v1/families/:id. */
  path: string;
  /** Empty for a public route. */
  permissions: readonly string[];
  summary: string | null;
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function markdownTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const line = (cells: readonly string[]): string => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Rows: statuses; the second column lists where each may move (none: final). */
export function transitionTable(transitions: Readonly<Record<string, readonly string[]>>): string {
  return markdownTable(
    ['from', 'may move to'],
    Object.entries(transitions).map(([from, targets]) => [
      `\`${from}\``,
      targets.length === 0 ? '— (final)' : targets.map((to) => `\`${to}\``).join(', '),
    ]),
  );
}

export function valueList(values: readonly string[]): string {
  return values.map((value) => `\`${value}\``).join(', ');
}

/**
 * Rows: permissions; a ✓ per role that holds it; where it is enforced: the routes that require
 * it, else the files whose code checks it (e.g. only supervisors may assign), else "planned"
 * (declared for a part of the product not built yet).
 */
export function permissionTable(
  permissions: readonly string[],
  rolePermissions: Readonly<Record<string, ReadonlySet<string>>>,
  routes: readonly RouteInfo[],
  checkedIn: Readonly<Record<string, readonly string[]>> = {},
): string {
  const roles = Object.keys(rolePermissions);
  return markdownTable(
    ['permission', ...roles, 'enforced by'],
    permissions.map((permission) => {
      const using = routes.filter((route) => route.permissions.includes(permission));
      const files = checkedIn[permission] ?? [];
      const enforced =
        using.length > 0
          ? using.map((r) => `\`${r.method} ${r.path}\``).join(', ')
          : files.length > 0
            ? `checks in ${files.map((f) => `\`${f}\``).join(', ')}`
            : 'nothing yet (planned)';
      return [
        `\`${permission}\``,
        ...roles.map((role) => (rolePermissions[role]!.has(permission) ? '✓' : '')),
        enforced,
      ];
    }),
  );
}

/** Rows: endpoints in path order; who may call each (roles holding any of its permissions). */
export function endpointTable(
  routes: readonly RouteInfo[],
  rolePermissions: Readonly<Record<string, ReadonlySet<string>>>,
): string {
  const roles = Object.keys(rolePermissions);
  const sorted = [...routes].sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
  return markdownTable(
    ['endpoint', 'who may call it', 'what it does'],
    sorted.map((route) => {
      const who =
        route.permissions.length === 0
          ? 'public'
          : roles.filter((role) => route.permissions.some((p) => rolePermissions[role]!.has(p))).join(', ') +
            ` (${route.permissions.map((p) => `\`${p}\``).join(' or ')})`;
      return [`\`${route.method} ${route.path}\``, who, route.summary ?? ''];
    }),
  );
}
