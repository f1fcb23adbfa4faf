import { DataSource } from 'typeorm';
import { expectProblem } from '../factories/admin.helpers';
import { idHeader, requestId } from '../factories/auth.helpers';
import { FamilyApi, V1 } from '../factories/family.factory';
import { buildWorld, uniqueSuffix, type TestWorld } from '../factories/world.factory';
import { startTestApp, type TestApp } from '../setup/test-app';

interface AuditLine {
  action: string;
  entity_type: string;
  entity_id: string;
  family_id: string | null;
  team_id: string | null;
  actor_id: string;
  actor_role: string;
  changed_fields: string[];
  line: string;
}

/** Reads of case records and edits of people are audited: who, what, which team, field names only. */
describe('audit trail of case records', () => {
  let t: TestApp;
  let api: FamilyApi;
  let db: DataSource;
  let world: TestWorld;

  beforeAll(async () => {
    t = await startTestApp();
    api = new FamilyApi(t.http);
    db = t.app.get(DataSource);
    world = await buildWorld(t.http);
  });
  afterAll(() => t.close());

  const auditOf = (id: string): Promise<AuditLine[]> =>
    db.query(
      `SELECT action, entity_type, entity_id, family_id, team_id, actor_id, actor_role, changed_fields,
              row_to_json(a)::text AS line
         FROM audit_events a WHERE request_id = $1 ORDER BY sequence`,
      [id],
    );

  it('should audit a read of one missing person: who, which record, family and team, no fields', async () => {
    const family = await api.createFamily(world.a.accompanier.accessToken);
    const id = requestId();
    const read = await t.http.get(`${V1}/missing-persons/${family.missingPersonId}`, {
      token: world.a.supervisor.accessToken,
      headers: idHeader(id),
    });
    expect(read.status).toBe(200);
    expect((await auditOf(id)).map(({ line: _line, ...row }) => row)).toEqual([
      {
        action: 'missing_person.read',
        entity_type: 'missing_person',
        entity_id: family.missingPersonId,
        family_id: family.id,
        team_id: world.teamA.id,
        actor_id: world.a.supervisor.id,
        actor_role: 'supervisor',
        changed_fields: [],
      },
    ]);

    // A read refused as absent (another team) leaves no trace of a read.
    const refusedId = requestId();
    const refused = await t.http.get(`${V1}/missing-persons/${family.missingPersonId}`, {
      token: world.b.supervisor.accessToken,
      headers: idHeader(refusedId),
    });
    expectProblem(refused, 404);
    expect(await auditOf(refusedId)).toEqual([]);
  });

  it('should audit a member update with the changed field names and none of the values, old or new', async () => {
    const family = await api.createFamily(world.a.accompanier.accessToken);
    const before = family.body.members[0] as { fullName: string; phone: string };
    const change = {
      fullName: `Gülnarə Əliyeva ${uniqueSuffix()}`,
      phone: '+994 55 987 65 43',
      birthYear: 1961,
      relationship: 'mother',
    };
    const id = requestId();
    const updated = await t.http.patch(`${V1}/members/${family.memberId}`, change, {
      token: world.a.accompanier.accessToken,
      headers: idHeader(id),
    });
    expect(updated.status).toBe(200);
    const rows = await auditOf(id);
    expect(rows.map(({ line: _line, ...row }) => row)).toEqual([
      {
        action: 'member.updated',
        entity_type: 'member',
        entity_id: family.memberId,
        family_id: family.id,
        team_id: world.teamA.id,
        actor_id: world.a.accompanier.id,
        actor_role: 'accompanier',
        // relationship was sent unchanged: not a change.
        changed_fields: ['fullName', 'phone', 'birthYear'],
      },
    ]);
    // (A year is left out: four digits may well occur in a hash or an id of the row.)
    const values = [change.fullName, '987 65 43', before.fullName, before.phone];
    expect(values.filter((value) => rows[0]!.line.includes(value))).toEqual([]);
  });
});
