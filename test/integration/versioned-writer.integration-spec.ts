import { AuditAction, AuditModule, diffFields, VersionedWriter } from '@accompany/audit';
import { PreconditionFailedError } from '@accompany/shared';
import { useServiceTier } from './support/service-tier';

/**
 * The one versioned-write path (issue 11): 412 before anything is written when If-Match is
 * stale, no write when nothing changes, and the guarded update, its audit event and its
 * follow-up work committed together or not at all.
 */
const tier = useServiceTier([AuditModule]);

interface TeamRow {
  id: string;
  name: string;
  region: string | null;
  version: number;
}

describe('VersionedWriter', () => {
  let team: TeamRow;
  const actor = { userId: null, role: 'admin', teamId: null, requestId: 'versioned-writer', ip: null };

  const read = async (): Promise<TeamRow> =>
    (await tier.query<TeamRow>('SELECT id, name, region, version FROM teams WHERE id = $1', [team.id]))[0]!;
  const auditRows = async (): Promise<Array<{ changed_fields: string[] }>> =>
    tier.query('SELECT changed_fields FROM audit_events WHERE entity_id = $1', [team.id]);
  const rename = (name: string, version: number) =>
    tier
      .query<TeamRow>(
        'UPDATE teams SET name = $1, version = version + 1 WHERE id = $2 AND version = $3 RETURNING id, name, region, version',
        [name, team.id, version],
      )
      // TypeORM answers an UPDATE with [rows, affected].
      .then((result) => (result as unknown as [TeamRow[], number])[0][0] ?? null);
  const write = (
    patch: { name?: string; region?: string | null },
    expectedVersion?: number,
    after?: () => Promise<void>,
  ) => {
    const { changes, changedFields } = diffFields(team, patch);
    return tier.get(VersionedWriter).write({
      actor,
      currentVersion: team.version,
      expectedVersion,
      changedFields,
      update: (version) => rename(changes.name ?? team.name, version),
      audit: (fields) => ({
        action: AuditAction.TeamUpdated,
        entityType: 'team',
        entityId: team.id,
        changedFields: fields,
      }),
      afterUpdate: after,
    });
  };

  beforeEach(async () => {
    [team] = (await tier.query<TeamRow>(
      `INSERT INTO teams (name, region, version) VALUES ('Writer ' || gen_random_uuid(), 'North', 1) RETURNING id, name, region, version`,
    )) as [TeamRow];
  });

  it('should update, audit the changed fields and answer the new row', async () => {
    const updated = await write({ name: 'Renamed', region: 'North' });
    expect(updated).toMatchObject({ name: 'Renamed', version: 2 });
    expect(await auditRows()).toEqual([{ changed_fields: ['name'] }]);
  });

  it('should write nothing when no field changes', async () => {
    expect(await write({ name: team.name, region: 'North' })).toBeNull();
    expect(await read()).toEqual(team);
    expect(await auditRows()).toEqual([]);
  });

  it('should refuse a stale If-Match before writing, even when nothing would change', async () => {
    await expect(write({ name: 'Other' }, team.version + 1)).rejects.toBeInstanceOf(PreconditionFailedError);
    await expect(write({ name: team.name }, team.version + 1)).rejects.toBeInstanceOf(
      PreconditionFailedError,
    );
    expect(await read()).toEqual(team);
    expect(await auditRows()).toEqual([]);
  });

  it('should answer 412 with nothing audited when the row moved on since it was read', async () => {
    await tier.query('UPDATE teams SET version = version + 1 WHERE id = $1', [team.id]);
    await expect(write({ name: 'Late' })).rejects.toBeInstanceOf(PreconditionFailedError);
    expect((await read()).name).toBe(team.name);
    expect(await auditRows()).toEqual([]);
  });

  it('should undo the update and its audit when the follow-up work fails', async () => {
    await expect(
      write({ name: 'Doomed' }, undefined, () => Promise.reject(new Error('reaction failed'))),
    ).rejects.toThrow('reaction failed');
    expect(await read()).toEqual(team);
    expect(await auditRows()).toEqual([]);
  });
});
