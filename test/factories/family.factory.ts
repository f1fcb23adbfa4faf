import { expect } from '@jest/globals';
import type { DataSource } from 'typeorm';
import type { HttpClient, HttpResponse } from '../setup/http-client';
import { createUser, uniqueSuffix, type TestUser, type TestWorld } from './world.factory';

export const V1 = '/api/v1';

/** A member as the API takes it; `fullName` is made unique unless given. */
export function memberBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { fullName: `Aysel Məmmədova ${uniqueSuffix()}`, relationship: 'mother', ...overrides };
}

export function missingPersonBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { fullName: `Elçin Məmmədov ${uniqueSuffix()}`, disappearedOn: '1993-04-02', ...overrides };
}

/** A complete, valid registration body: one member, one missing person. */
export function familyBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    address: `Nizami küç. ${uniqueSuffix()}, Baku`,
    preferredLanguage: 'az',
    consent: { dataProcessing: true, sharingWithAuthorities: false, psychosocialSupport: true },
    members: [memberBody({ isContactPerson: true, phone: '+994 50 123 45 67' })],
    missingPersons: [
      missingPersonBody({ externalReferences: [{ authority: 'State Commission', number: 'SC-1' }] }),
    ],
    ...overrides,
  };
}

export interface CallOptions {
  ifMatch?: string | number;
  key?: string;
}

/** Thin verbs over the API root with a token, If-Match (a number becomes `"n"`) and Idempotency-Key. */
export class FamilyApi {
  constructor(readonly http: HttpClient) {}

  private headers(options: CallOptions): Record<string, string> {
    const headers: Record<string, string> = {};
    if (options.ifMatch !== undefined) {
      headers['if-match'] = typeof options.ifMatch === 'number' ? `"${options.ifMatch}"` : options.ifMatch;
    }
    if (options.key !== undefined) headers['idempotency-key'] = options.key;
    return headers;
  }

  get(path: string, token: string): Promise<HttpResponse> {
    return this.http.get(`${V1}${path}`, { token });
  }

  post(path: string, body: unknown, token: string, options: CallOptions = {}): Promise<HttpResponse> {
    return this.http.post(`${V1}${path}`, body, { token, headers: this.headers(options) });
  }

  patch(path: string, body: unknown, token: string, options: CallOptions = {}): Promise<HttpResponse> {
    return this.http.patch(`${V1}${path}`, body, { token, headers: this.headers(options) });
  }

  /** Registers a family and fails loudly unless the API answers 201. */
  async createFamily(token: string, overrides: Record<string, unknown> = {}): Promise<FamilyCase> {
    const response = await this.post('/families', familyBody(overrides), token);
    if (response.status !== 201) {
      throw new Error(`family creation failed: ${response.status} ${response.text}`);
    }
    return toCase(response.body);
  }

  /** Moves a family through legal statuses as the given (supervisor) token; fails loudly otherwise. */
  async moveFamily(token: string, id: string, path: readonly string[]): Promise<Record<string, any>> {
    let body: Record<string, any> = {};
    for (const status of path) {
      const response = await this.patch(`/families/${id}`, statusBody(status), token);
      if (response.status !== 200) throw new Error(`move to ${status} failed: ${response.text}`);
      body = response.body;
    }
    return body;
  }

  async moveMissingPerson(token: string, id: string, path: readonly string[]): Promise<void> {
    for (const status of path) {
      const response = await this.post(
        `/missing-persons/${id}/status`,
        { status, reason: `to ${status}` },
        token,
      );
      if (response.status !== 200) throw new Error(`move to ${status} failed: ${response.text}`);
    }
  }

  /** Every id a list query yields, page by page; asserts each page respects the limit. */
  async walk(token: string, query: string, limit: number): Promise<{ ids: string[]; pages: number }> {
    const ids: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const after: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page = await this.get(`/families?limit=${limit}${query ? `&${query}` : ''}${after}`, token);
      expect({ status: page.status, text: page.text }).toMatchObject({ status: 200 });
      const items = page.body.items as Array<{ id: string }>;
      expect(items.length).toBeLessThanOrEqual(limit);
      ids.push(...items.map((item) => item.id));
      cursor = page.body.nextCursor as string | null;
      pages += 1;
    } while (cursor !== null && pages < 1000);
    return { ids, pages };
  }
}

/** The PATCH body moving a family to a status (closing carries its reason). */
export function statusBody(status: string): Record<string, unknown> {
  return status === 'closed' ? { status, closureReason: 'family_request' } : { status };
}

export interface FamilyCase {
  id: string;
  version: number;
  memberId: string;
  missingPersonId: string;
  body: Record<string, any>;
}

export function toCase(body: Record<string, any>): FamilyCase {
  return {
    id: body.id as string,
    version: body.version as number,
    memberId: body.members[0]?.id as string,
    missingPersonId: body.missingPersons[0]?.id as string,
    body,
  };
}

/** The part of a problem that must not tell a hidden record from an absent one. */
export function problemShape(response: HttpResponse): Record<string, unknown> {
  const { type, title, status, detail, errors } = response.body as Record<string, unknown>;
  return { type, title, status, detail, errors };
}

/** Team A gets a second, colleague accompanier and an inactive one; everyone else comes from buildWorld. */
export async function extraAccompaniers(
  http: HttpClient,
  world: TestWorld,
): Promise<{ colleague: TestUser; inactive: TestUser }> {
  const admin = world.admin.accessToken;
  const colleague = await createUser(http, admin, 'accompanier', world.teamA.id, 'a2');
  const inactive = await createUser(http, admin, 'accompanier', world.teamA.id, 'gone');
  const off = await http.patch(`${V1}/users/${inactive.id}`, { active: false }, { token: admin });
  if (off.status !== 200) throw new Error(`deactivation failed: ${off.text}`);
  return { colleague, inactive };
}

export const YEAR = new Date().getUTCFullYear();
export const REFERENCE_RE = new RegExp(`^FAM-${YEAR}-\\d{6}$`);

/** The distinct fields a problem names (one field may fail several constraints). */
export function distinctFields(body: Record<string, any>): string[] {
  const errors = (body.errors ?? []) as Array<{ field: string }>;
  return [...new Set(errors.map((error) => error.field))].sort();
}

/** A copy of `body` with the value at a path such as `members[0].fullName` replaced (undefined deletes it). */
export function withValue(
  body: Record<string, unknown>,
  path: string,
  value: unknown,
): Record<string, unknown> {
  const copy = structuredClone(body);
  const keys = path.replace(/\[(\d+)\]/g, '.$1').split('.');
  let node: any = copy;
  for (const key of keys.slice(0, -1)) node = node[key];
  const last = keys[keys.length - 1]!;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

export interface CaseEndpoint {
  name: string;
  /** GETs: a role without case access gets 404, never 403, on these. */
  read: boolean;
  ok: number;
  call: (api: FamilyApi, c: FamilyCase, token: string) => Promise<HttpResponse>;
}

function endpoint(
  name: string,
  verb: 'get' | 'patch' | 'post',
  ok: number,
  path: (c: FamilyCase) => string,
  body: () => unknown = () => ({}),
): CaseEndpoint {
  return {
    name,
    read: verb === 'get',
    ok,
    call: (api, c, token) => (verb === 'get' ? api.get(path(c), token) : api[verb](path(c), body(), token)),
  };
}

/** Every endpoint on one case, in an order that succeeds once on a fresh case. */
export const CASE_ENDPOINTS: CaseEndpoint[] = [
  endpoint('GET family', 'get', 200, (c) => `/families/${c.id}`),
  endpoint(
    'PATCH family',
    'patch',
    200,
    (c) => `/families/${c.id}`,
    () => ({ preferredLanguage: 'ru' }),
  ),
  endpoint(
    'POST member',
    'post',
    201,
    (c) => `/families/${c.id}/members`,
    () => memberBody(),
  ),
  endpoint(
    'PATCH member',
    'patch',
    200,
    (c) => `/members/${c.memberId}`,
    () => ({ phone: '+994 55 000' }),
  ),
  endpoint('POST missing person', 'post', 201, (c) => `/families/${c.id}/missing-persons`, missingPersonBody),
  endpoint('GET missing person', 'get', 200, (c) => `/missing-persons/${c.missingPersonId}`),
  endpoint(
    'PATCH missing person',
    'patch',
    200,
    (c) => `/missing-persons/${c.missingPersonId}`,
    () => ({
      circumstances: 'Seen last at the checkpoint',
    }),
  ),
  endpoint(
    'POST status',
    'post',
    200,
    (c) => `/missing-persons/${c.missingPersonId}/status`,
    () => ({
      status: 'found_alive',
      reason: 'Called the family',
    }),
  ),
  endpoint('GET history', 'get', 200, (c) => `/missing-persons/${c.missingPersonId}/history`),
];

/** A status machine as domain.md § Status rules states it: how to reach each state, which moves are legal. */
export interface StatusMachine {
  paths: Record<string, string[]>;
  legal: Set<string>;
}

export const FAMILY_MACHINE: StatusMachine = {
  paths: { open: [], active: ['active'], on_hold: ['on_hold'], closed: ['closed'] },
  legal: new Set([
    'open>active',
    'open>on_hold',
    'open>closed',
    'active>on_hold',
    'active>closed',
    'on_hold>active',
    'on_hold>closed',
    'closed>active',
  ]),
};

export const PERSON_MACHINE: StatusMachine = {
  paths: {
    missing: [],
    remains_recovered: ['remains_recovered'],
    identified_deceased: ['remains_recovered', 'identified_deceased'],
    found_alive: ['found_alive'],
    closed: ['closed'],
  },
  legal: new Set([
    'missing>remains_recovered',
    'missing>found_alive',
    'missing>closed',
    'remains_recovered>identified_deceased',
    'remains_recovered>missing',
    'identified_deceased>closed',
    'identified_deceased>missing',
    'found_alive>closed',
  ]),
};

/** Every (from, to, legal) pair of distinct states. */
export function transitions(machine: StatusMachine): Array<readonly [string, string, boolean]> {
  const states = Object.keys(machine.paths);
  return states.flatMap((from) =>
    states.filter((to) => to !== from).map((to) => [from, to, machine.legal.has(`${from}>${to}`)] as const),
  );
}

/** Polls until `check` holds (or ~2 s pass); the caller asserts the final answer. */
export async function eventually(check: () => Promise<boolean>): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return check();
}

/**
 * Locks the year's reference counter row in a transaction of its own, so a registration
 * stalls inside its transaction (after its Idempotency-Key was claimed); returns the release.
 */
export async function holdReferenceCounter(
  dataSource: DataSource,
  year: number,
): Promise<() => Promise<void>> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  await runner.query('SELECT last_number FROM family_reference_counters WHERE year = $1 FOR UPDATE', [year]);
  return async () => {
    await runner.rollbackTransaction();
    await runner.release();
  };
}
