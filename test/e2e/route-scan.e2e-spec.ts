import { randomUUID } from 'node:crypto';
import { Controller, Get, Module, Post, RequestMethod, SetMetadata, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import {
  Authenticated,
  IS_PUBLIC,
  Permission,
  Public,
  REQUIRED_PERMISSIONS,
  ROLE_PERMISSIONS,
} from '@accompany/auth';
import { API_PREFIX } from '../../apps/api/src/create-api-app';
import { expectProblem } from '../factories/admin.helpers';
import { ADMIN, login } from '../factories/world.factory';
import { startTestApp, type TestApp } from '../setup/test-app';
import { fakeWebBuild } from '../setup/web-fixture';

interface ScannedRoute {
  /** e.g. "POST /auth/login" (controller path + handler path, without the global prefix). */
  route: string;
  handler: string;
  isPublic: boolean;
  permissions: string[];
}

const joinPath = (...parts: Array<string | string[] | undefined>): string =>
  `/${parts
    .map((part) => (Array.isArray(part) ? part[0] : part))
    .filter((part): part is string => !!part)
    .map((part) => part.replace(/^\/+|\/+$/g, ''))
    .filter((part) => part !== '')
    .join('/')}`;

/** Every route handler of the given controller classes, with the access rule the guard would read. */
function scanRoutes(controllers: Type[], reflector: Reflector, scanner: MetadataScanner): ScannedRoute[] {
  const routes: ScannedRoute[] = [];
  for (const controller of controllers) {
    const base = Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined;
    for (const name of scanner.getAllMethodNames(controller.prototype)) {
      const handler = (controller.prototype as Record<string, unknown>)[name] as (
        ...args: unknown[]
      ) => unknown;
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (path === undefined || method === undefined) continue;
      const targets = [handler, controller];
      routes.push({
        route: `${RequestMethod[method]} ${joinPath(base, path)}`,
        handler: `${controller.name}.${name}`,
        isPublic: reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, targets) === true,
        permissions: reflector.getAllAndOverride<string[] | undefined>(REQUIRED_PERMISSIONS, targets) ?? [],
      });
    }
  }
  return routes;
}

/** Handlers the deny-by-default guard would refuse to everyone: neither public nor permissioned. */
const undeclared = (routes: ScannedRoute[]): string[] =>
  routes.filter((r) => !r.isPublic && r.permissions.length === 0).map((r) => r.handler);

@Controller('dummy')
class DummyController {
  @Get()
  forgotten(): string {
    return 'open';
  }

  @Get('public')
  @Public()
  open(): string {
    return 'public';
  }

  @Post('guarded')
  @Authenticated({ permission: Permission.SelfRead })
  guarded(): string {
    return 'guarded';
  }

  @Get('empty')
  @SetMetadata(REQUIRED_PERMISSIONS, [])
  emptyList(): string {
    return 'empty';
  }

  helper(): string {
    return 'not a route';
  }
}

@Controller('dummy-public')
@Public()
class DummyPublicController {
  @Get()
  everything(): string {
    return 'public by class';
  }
}

/**
 * Full paths from Fastify's printRoutes() tree: each line is a segment under the segment
 * above it at one less level of indentation (4 characters a level).
 */
function routeTreePaths(printed: string): Array<{ path: string; method: string }> {
  const stack: string[] = [];
  const paths: Array<{ path: string; method: string }> = [];
  for (const line of printed.split('\n')) {
    const match = /^(.*?)(?:├── |└── )(\S+)(?: \(([^)]*)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    stack.length = depth;
    stack.push(match[2]!);
    if (match[3]) paths.push({ path: stack.join(''), method: match[3].split(',')[0]!.trim() });
  }
  return paths;
}

/** Where Fastify serves a scanned route: under the prefix (its root without a slash) but health. */
const servedPath = (path: string): string =>
  path.startsWith('/health') ? path : `/${API_PREFIX}${path === '/' ? '' : path}`;

const EXPECTED_PUBLIC_ROUTES = [
  'GET /',
  'GET /health/live',
  'GET /health/ready',
  'POST /auth/login',
  'POST /auth/logout',
  'POST /auth/refresh',
];

describe('route scan (deny by default)', () => {
  let t: TestApp;
  let routes: ScannedRoute[];
  let reflector: Reflector;
  let scanner: MetadataScanner;

  beforeAll(async () => {
    // With a (stand-in) UI build mounted, so its routes are scanned as well.
    t = await startTestApp({}, { webDir: fakeWebBuild() });
    // Not every core provider is registered in the app's container: fall back to building them.
    const resolve = <T>(token: Type<T>, build: () => T): T => {
      try {
        return t.app.get(token, { strict: false });
      } catch {
        return build();
      }
    };
    const discovery = resolve(DiscoveryService, () => new DiscoveryService(t.app.get(ModulesContainer)));
    reflector = resolve(Reflector, () => new Reflector());
    scanner = resolve(MetadataScanner, () => new MetadataScanner());
    const controllers = discovery
      .getControllers()
      .map((wrapper) => wrapper.metatype as Type | null)
      .filter((metatype): metatype is Type => typeof metatype === 'function');
    routes = scanRoutes(controllers, reflector, scanner);
  });
  afterAll(() => t.close());

  it('should discover the auth, users, teams and health routes', () => {
    const found = routes.map((r) => r.route);
    expect(found).toEqual(
      expect.arrayContaining([
        'POST /auth/login',
        'GET /auth/me',
        'POST /users',
        'GET /users/:id',
        'PATCH /users/:id',
        'POST /teams',
        'PATCH /teams/:id',
        'GET /health/ready',
      ]),
    );
    expect(new Set(found).size).toBe(found.length);
  });

  it('should find every route handler either public or with a non-empty permission list', () => {
    expect(undeclared(routes)).toEqual([]);
  });

  it('should expose exactly the reviewed public routes', () => {
    const publicRoutes = routes.filter((r) => r.isPublic).map((r) => r.route);
    expect(publicRoutes.sort()).toEqual(EXPECTED_PUBLIC_ROUTES);
  });

  it('should name only known permissions, each granted to at least one role', () => {
    const known = new Set<string>(Object.values(Permission));
    const granted = new Set<string>(Object.values(ROLE_PERMISSIONS).flatMap((set) => [...set]));
    const unknown = routes.flatMap((r) =>
      r.permissions.filter((p) => !known.has(p)).map((p) => `${r.handler}: ${p}`),
    );
    const dead = routes
      .filter((r) => !r.isPublic && !r.permissions.some((p) => granted.has(p)))
      .map((r) => r.handler);
    expect({ unknown, dead }).toEqual({ unknown: [], dead: [] });
  });

  it('should flag undecorated handlers and empty permission lists of a dummy controller', () => {
    const dummy = scanRoutes([DummyController, DummyPublicController], reflector, scanner);
    expect(dummy.map((r) => r.route).sort()).toEqual([
      'GET /dummy',
      'GET /dummy-public',
      'GET /dummy/empty',
      'GET /dummy/public',
      'POST /dummy/guarded',
    ]);
    expect(undeclared(dummy).sort()).toEqual(['DummyController.emptyList', 'DummyController.forgotten']);
    expect(
      dummy
        .filter((r) => r.isPublic)
        .map((r) => r.handler)
        .sort(),
    ).toEqual(['DummyController.open', 'DummyPublicController.everything']);
  });

  it('should answer 401 over HTTP to every non-public route called without a token', async () => {
    const prefix = `/${API_PREFIX}`;
    const statuses: Record<string, number> = {};
    for (const r of routes.filter((route) => !route.isPublic)) {
      const [method = 'GET', path = '/'] = r.route.split(' ');
      const url = `${path.startsWith('/health') ? '' : prefix}${path.replace(/:[A-Za-z]+/g, randomUUID())}`;
      const body = method === 'GET' ? undefined : {};
      statuses[r.route] = (await t.http.request(method, url, body)).status;
    }
    const routesCalled = Object.keys(statuses);
    expect(routesCalled.length).toBeGreaterThan(5);
    expect(statuses).toEqual(Object.fromEntries(routesCalled.map((route) => [route, 401])));
  });

  it('should reach every public route without a token (never 401 or 403)', async () => {
    for (const r of routes.filter((route) => route.isPublic)) {
      const [method = 'GET', path = '/'] = r.route.split(' ');
      const url = servedPath(path);
      const response = await t.http.request(method, url, method === 'GET' ? undefined : {});
      expect({ route: r.route, denied: [401, 403].includes(response.status) }).toEqual({
        route: r.route,
        denied: false,
      });
    }
  });

  /**
   * Routes Fastify serves outside Nest's controllers (docs, the queue dashboard, the web UI)
   * are listed too: each must be a reviewed mount, every dashboard path refuses a caller
   * without the dashboard cookie, and the UI's catch-all gives no server path away.
   */
  it('should serve nothing outside Nest but the docs, the cookie-guarded queue dashboard and the UI', async () => {
    const printed = t.app.getHttpAdapter().getInstance().printRoutes({ commonPrefix: false });
    const paths = routeTreePaths(printed);
    const nest = new Set(
      routes.map((r) => {
        const path = r.route.split(' ')[1] ?? '/';
        return servedPath(path);
      }),
    );
    const outside = paths.filter(({ path }) => !nest.has(path) && !nest.has(path.replace(/\/$/, '')));
    const webUi = ({ path }: { path: string }) =>
      ['/', '/*', '/index.html'].includes(path) || path.startsWith('/assets/');
    const unreviewed = outside.filter(
      (route) =>
        !route.path.startsWith('/api/docs') && !route.path.startsWith('/admin/queues') && !webUi(route),
    );
    expect(unreviewed).toEqual([]);
    expect(outside.filter(webUi).map(({ path }) => path)).toEqual(expect.arrayContaining(['/', '/*']));
    // The UI's catch-all answers only page loads outside the server's prefixes.
    for (const path of ['/api/v1/nowhere', '/health/nowhere', '/admin/nowhere']) {
      const response = await t.http.get(path, { headers: { accept: 'text/html' } });
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
    }
    const dashboard = outside.filter(({ path }) => path.startsWith('/admin/queues'));
    expect(dashboard.length).toBeGreaterThan(2);
    for (const { path, method } of dashboard) {
      // The wildcard is Bull Board's static files (served under /admin/queues/static/).
      const url = path.endsWith('*') ? '/admin/queues/static/probe.js' : path.replace(/:[A-Za-z]+/g, 'x');
      const body = method === 'GET' || method === 'HEAD' ? undefined : {};
      const status = (await t.http.request(method, url, body)).status;
      expect({ route: `${method} ${path}`, status }).toEqual({ route: `${method} ${path}`, status: 401 });
    }
  });
});

/** Handlers a developer forgot to declare, mounted for real, counting every call that reaches them. */
const undeclaredCalls: string[] = [];

@Controller('undeclared-probe')
class UndeclaredController {
  @Get()
  forgotten(): string {
    undeclaredCalls.push('forgotten');
    return 'leaked';
  }

  @Post('empty')
  @SetMetadata(REQUIRED_PERMISSIONS, [])
  emptyList(): string {
    undeclaredCalls.push('emptyList');
    return 'leaked';
  }
}

/** One handler inherited by two controllers: public in one, declaring nothing in the other. */
class PingBase {
  @Get('ping')
  ping(): string {
    return 'pong';
  }
}

@Public()
@Controller('public-probe')
class PublicProbeController extends PingBase {}

@Controller('inherited-probe')
class InheritedProbeController extends PingBase {}

@Module({ controllers: [UndeclaredController, PublicProbeController, InheritedProbeController] })
class UndeclaredModule {}

/**
 * The scan above only proves the app has no undeclared route; this proves the guard itself
 * refuses one that slips in: mounted in a real app, it answers 403 to everyone, token or not,
 * and its handler never runs.
 */
describe('access guard on a mounted route that declares no access rule', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({}, { extraModules: [UndeclaredModule] });
  });
  afterAll(() => t.close());

  it('should answer 403 ROUTE_NOT_DECLARED with or without a valid token, never running the handler', async () => {
    const token = (await login(t.http, ADMIN.email, ADMIN.password)).accessToken;
    // The token is good: a declared route lets it in.
    expect((await t.http.get(`/${API_PREFIX}/auth/me`, { token })).status).toBe(200);
    const calls: Array<[string, string, string | undefined]> = [
      ['GET', 'undeclared-probe', undefined],
      ['GET', 'undeclared-probe', token],
      ['POST', 'undeclared-probe/empty', undefined],
      ['POST', 'undeclared-probe/empty', token],
    ];
    for (const [method, path, withToken] of calls) {
      const response = await t.http.request(
        method,
        `/${API_PREFIX}/${path}`,
        method === 'POST' ? {} : undefined,
        {
          token: withToken,
        },
      );
      const label = `${method} ${path} ${withToken ? 'with' : 'without'} a token`;
      expect({ label, status: response.status }).toEqual({ label, status: 403 });
      expect(expectProblem(response, 403).code).toBe('ROUTE_NOT_DECLARED');
      expect(response.text).not.toContain('leaked');
    }
    expect(undeclaredCalls).toEqual([]);
  });

  it('should judge an inherited handler by the controller it is reached through', async () => {
    // The public controller's answer comes first, so a rule cached by handler alone would leak.
    expect((await t.http.get(`/${API_PREFIX}/public-probe/ping`)).status).toBe(200);
    const inherited = await t.http.get(`/${API_PREFIX}/inherited-probe/ping`);
    expect(expectProblem(inherited, 403).code).toBe('ROUTE_NOT_DECLARED');
  });
});
