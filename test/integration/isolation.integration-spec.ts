import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { FamiliesModule } from '@accompany/families';
import { useServiceTier } from './support/service-tier';
import { insertTeamStaff } from './support/staff.fixture';

/** The tier's promise: what a test writes stays inside its transaction and is gone after it. */
const tier = useServiceTier([FamiliesModule]);
const marker = `isolation-${randomUUID()}`;

async function teamsNamedMarker(): Promise<number> {
  const [row] = await tier.query<{ n: number }>('SELECT count(*)::int AS n FROM teams WHERE name = $1', [
    marker,
  ]);
  return row!.n;
}

// Jest runs the tests of a file in order: the second looks for what the first wrote.
describe('service tier isolation', () => {
  it('should see its own writes, which no other connection sees (uncommitted)', async () => {
    await tier.query('INSERT INTO teams (name, version) VALUES ($1, 1)', [marker]);
    await insertTeamStaff(tier);
    expect(await teamsNamedMarker()).toBe(1);
    const [elsewhere] = await tier
      .get(DataSource)
      .query<Array<{ n: number }>>('SELECT count(*)::int AS n FROM teams WHERE name = $1', [marker]);
    expect(elsewhere!.n).toBe(0);
  });

  it('should not see the rows the previous test wrote', async () => {
    expect(await teamsNamedMarker()).toBe(0);
    const [users] = await tier.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM users WHERE email LIKE '%@integration.test'`,
    );
    expect(users!.n).toBe(0);
  });
});
