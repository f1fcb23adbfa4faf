import { Injectable, Module } from '@nestjs/common';
import type { AuthUser } from '@accompany/auth';
import {
  FamilyView,
  FamilyVisibilityRuleProvider,
  type FamilyVisibilityRule,
  type SqlParams,
  type VisibilityGrant,
} from '@accompany/families';
import { FamilyApi, memberBody, type FamilyCase } from '../factories/family.factory';
import { buildWorld, type TestWorld } from '../factories/world.factory';
import { startTestApp, type TestApp } from '../setup/test-app';

/**
 * The visibility extension point as a later lib uses it: two contributed rules, mounted the
 * way a module registers them (a provider with @FamilyVisibilityRuleProvider()). Both name
 * their value "the granted ids", so a parameter collision would hand one rule the other's
 * ids and these tests would see the wrong families, or the right ones at the wrong view.
 */
const fullGrants = new Map<string, string[]>();
const reducedGrants = new Map<string, { familyIds: string[]; memberIds: string[] }>();

@Injectable()
@FamilyVisibilityRuleProvider()
class WholeFamilyRule implements FamilyVisibilityRule {
  readonly name = 'test-whole';
  grant(user: AuthUser, params: SqlParams): VisibilityGrant | null {
    const ids = fullGrants.get(user.id);
    if (!ids) return null;
    return { families: `f.id = ANY(CAST(${params.add(ids)} AS uuid[]))`, view: FamilyView.Full };
  }
}

@Injectable()
@FamilyVisibilityRuleProvider()
class ReferredMembersRule implements FamilyVisibilityRule {
  readonly name = 'test-referred';
  grant(user: AuthUser, params: SqlParams): VisibilityGrant | null {
    const grant = reducedGrants.get(user.id);
    if (!grant) return null;
    return {
      families: `f.id = ANY(CAST(${params.add(grant.familyIds)} AS uuid[]))`,
      view: FamilyView.Reduced,
      members: `m.id = ANY(CAST(${params.add(grant.memberIds)} AS uuid[]))`,
    };
  }
}

const idsOf = (page: { items: Array<{ id: string }> }): string[] => page.items.map((item) => item.id);

@Module({ providers: [WholeFamilyRule, ReferredMembersRule] })
class ContributedRulesModule {}

describe('families: contributed visibility rules (two contributors)', () => {
  let t: TestApp;
  let api: FamilyApi;
  let world: TestWorld;
  let referred: FamilyCase;
  let whole: FamilyCase;
  let both: FamilyCase;
  let otherMemberName: string;
  /** The member of `referred` the reduced rule names (members registered together have no fixed order). */
  let referredMember: { id: string; fullName: string };
  const psychologist = () => world.a.psychologist;

  beforeAll(async () => {
    t = await startTestApp({}, { extraModules: [ContributedRulesModule] });
    api = new FamilyApi(t.http);
    world = await buildWorld(t.http);
    const supervisor = world.a.supervisor.accessToken;
    otherMemberName = `Rəşad Quliyev ${Date.now()}`;
    referred = await api.createFamily(supervisor, {
      members: [
        memberBody({ phone: '+994 50 111 11 11' }),
        memberBody({ fullName: otherMemberName, phone: '+994 50 222 22 22' }),
      ],
    });
    referredMember = (referred.body.members as Array<{ id: string; fullName: string }>).find(
      (m) => m.fullName !== otherMemberName,
    )!;
    whole = await api.createFamily(supervisor);
    both = await api.createFamily(supervisor);
    fullGrants.set(psychologist().id, [whole.id, both.id]);
    reducedGrants.set(psychologist().id, {
      familyIds: [referred.id, both.id],
      memberIds: [referredMember.id, both.memberId],
    });
  });
  afterAll(() => t.close());

  it('should show a family granted by the reduced rule alone in the reduced view only', async () => {
    const response = await api.get(`/families/${referred.id}`, psychologist().accessToken);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      view: 'reduced',
      id: referred.id,
      reference: referred.body.reference,
    });
    for (const hidden of ['address', 'consent', 'assignedAccompanierId', 'closureNote', 'createdBy']) {
      expect(response.body).not.toHaveProperty(hidden);
    }
    expect((response.body.members as Array<{ id: string }>).map((m) => m.id)).toEqual([referredMember.id]);
    expect(response.body.missingPersons).toEqual([
      { id: referred.missingPersonId, fullName: referred.body.missingPersons[0].fullName, status: 'missing' },
    ]);
  });

  it('should show a family granted by the full rule whole', async () => {
    const response = await api.get(`/families/${whole.id}`, psychologist().accessToken);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ view: 'full', address: whole.body.address });
    expect(response.body.members).toHaveLength(1);
  });

  it('should show a family granted by both rules at the widest view', async () => {
    const response = await api.get(`/families/${both.id}`, psychologist().accessToken);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      view: 'full',
      address: both.body.address,
      consent: expect.any(Object),
    });
  });

  it('should list exactly the granted families, counting only the members the view shows', async () => {
    const ids = await api.walk(psychologist().accessToken, '', 50);
    expect(new Set(ids.ids)).toEqual(new Set([referred.id, whole.id, both.id]));
    const page = await api.get('/families?limit=50', psychologist().accessToken);
    const summary = (page.body.items as Array<{ id: string; memberCount: number }>).find(
      (i) => i.id === referred.id,
    );
    expect(summary?.memberCount).toBe(1);
  });

  it('should not find a family by a member the reduced view hides', async () => {
    const byHidden = await api.get(
      `/families?q=${encodeURIComponent(otherMemberName)}`,
      psychologist().accessToken,
    );
    expect(byHidden.status).toBe(200);
    expect(byHidden.body.items).toEqual([]);
    // The supervisor, who sees the family whole, finds it by the same name.
    const bySupervisor = await api.get(
      `/families?q=${encodeURIComponent(otherMemberName)}`,
      world.a.supervisor.accessToken,
    );
    expect(idsOf(bySupervisor.body)).toEqual([referred.id]);
  });

  it('should find a reduced family by its referred member and by its missing person', async () => {
    const byMember = await api.get(
      `/families?q=${encodeURIComponent(referredMember.fullName)}`,
      psychologist().accessToken,
    );
    expect(idsOf(byMember.body)).toEqual([referred.id]);
    const byMissing = await api.get(
      `/families?q=${encodeURIComponent(referred.body.missingPersons[0].fullName)}`,
      psychologist().accessToken,
    );
    expect(idsOf(byMissing.body)).toEqual([referred.id]);
  });

  it('should keep missing-person details to the full view', async () => {
    const reduced = await api.get(`/missing-persons/${referred.missingPersonId}`, psychologist().accessToken);
    expect(reduced.status).toBe(404);
    const full = await api.get(`/missing-persons/${whole.missingPersonId}`, psychologist().accessToken);
    expect(full.status).toBe(200);
  });

  it("should keep a family's contact history to the full view", async () => {
    const token = psychologist().accessToken;
    // Psychologists may read contacts at all (their own families' ones), yet a reduced
    // grant does not open the family's contact history.
    expect((await api.get(`/families/${referred.id}/contacts`, token)).status).toBe(404);
    expect((await api.get(`/families/${whole.id}/contacts`, token)).status).toBe(200);
  });

  it('should grant nothing to a user neither rule names', async () => {
    const other = world.b.psychologist.accessToken;
    expect((await api.get(`/families/${whole.id}`, other)).status).toBe(404);
    expect((await api.get('/families', other)).body.items).toEqual([]);
  });
});
