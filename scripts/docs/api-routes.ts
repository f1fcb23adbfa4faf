import { RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, MODULE_METADATA, PATH_METADATA } from '@nestjs/common/constants';
/** The metadata key of @ApiOperation() (API_OPERATION in @nestjs/swagger, not exported). */
const API_OPERATION = 'swagger/apiOperation';
import { IS_PUBLIC, REQUIRED_PERMISSIONS } from '@accompany/auth';
import type { RouteInfo } from './tables';

/** Paths served without the global prefix (create-api-app.ts excludes them from it). */
const UNPREFIXED = /^\/health\//;

const join = (...parts: Array<string | undefined>): string =>
  `/${parts
    .filter((part): part is string => !!part)
    .map((part) => part.replace(/^\/+|\/+$/g, ''))
    .filter((part) => part !== '')
    .join('/')}`;

const first = (value: unknown): string | undefined =>
  Array.isArray(value) ? (value[0] as string | undefined) : (value as string | undefined);

/** Every controller reachable from a module through its imports (static and dynamic ones). */
export function controllersOf(root: Type): Type[] {
  const seen = new Set<unknown>();
  const controllers = new Set<Type>();
  const visit = (entry: unknown): void => {
    if (!entry || seen.has(entry)) return;
    seen.add(entry);
    if (typeof entry === 'function') {
      for (const c of (Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, entry) ?? []) as Type[]) {
        controllers.add(c);
      }
      for (const i of (Reflect.getMetadata(MODULE_METADATA.IMPORTS, entry) ?? []) as unknown[]) visit(i);
    } else if (typeof entry === 'object' && 'module' in entry) {
      const dynamic = entry as { module: Type; controllers?: Type[]; imports?: unknown[] };
      for (const c of dynamic.controllers ?? []) controllers.add(c);
      for (const i of dynamic.imports ?? []) visit(i);
      visit(dynamic.module);
    }
  };
  visit(root);
  return [...controllers];
}

/** The routes of the given controllers with the access rule the guard reads and their summary. */
export function routesOf(controllers: readonly Type[], prefix: string): RouteInfo[] {
  const routes: RouteInfo[] = [];
  for (const controller of controllers) {
    const base = first(Reflect.getMetadata(PATH_METADATA, controller));
    const classPublic = Reflect.getMetadata(IS_PUBLIC, controller) === true;
    const prototype = controller.prototype as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const handler = prototype[name];
      if (name === 'constructor' || typeof handler !== 'function') continue;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      const path = Reflect.getMetadata(PATH_METADATA, handler) as unknown;
      if (method === undefined || path === undefined) continue;
      const local = join(base, first(path));
      const isPublic = classPublic || Reflect.getMetadata(IS_PUBLIC, handler) === true;
      const operation = Reflect.getMetadata(API_OPERATION, handler) as { summary?: string } | undefined;
      routes.push({
        method: RequestMethod[method],
        path: UNPREFIXED.test(`${local}/`) ? local : join(prefix, local),
        permissions: isPublic ? [] : ((Reflect.getMetadata(REQUIRED_PERMISSIONS, handler) ?? []) as string[]),
        summary: operation?.summary ?? null,
      });
    }
  }
  return routes;
}
