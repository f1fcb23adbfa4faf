import { isoIn, recordContact } from '../factories/contact.factory';
import type { FamilyApi } from '../factories/family.factory';
import type { TestUser } from '../factories/world.factory';
import { pause, poll } from '../setup/fault-fixtures';
import { useFaultRig } from '../setup/fault-rig';

/**
 * The worker dies (SIGKILL) or is stopped (SIGTERM) in the middle of a reminder job. A row
 * lock held by the test keeps the job's guarded UPDATE waiting, so the signal lands while the
 * job runs. Whatever happens, each reminder moves `scheduled → due` exactly once: its version
 * goes 1 → 2 once, and one "reminder moved" line is logged across all worker processes.
 */
describe('worker killed while processing a reminder', () => {
  const rig = useFaultRig({ ESCALATION_GRACE: 'P1D' });
  let api: FamilyApi;
  let accompanier: TestUser;
  const startWorker = () => rig.startWorker();
  const movesOf = (reminderId: string): number => rig.movesOf(reminderId);

  /** Records a contact with a follow-up due shortly and returns the reminder's id. */
  async function scheduleReminder(): Promise<string> {
    const family = await api.createFamily(accompanier.accessToken);
    await recordContact(api, accompanier.accessToken, family.id, { nextFollowUpAt: isoIn(1500) });
    return rig.db.followUpOf(family.id);
  }

  /** Waits until a worker's UPDATE of the locked reminder is blocked: the job is mid-flight. */
  async function awaitBlockedJob(): Promise<void> {
    const blocked = await poll(
      () => rig.db.blockedUpdates(),
      (n) => n > 0,
      20_000,
    );
    expect(blocked).toBe(1);
  }

  /**
   * PostgreSQL aborts a dead client's statement at its next connection check (the app sets
   * client_connection_check_interval); until then the UPDATE would still commit once the
   * lock is released, with no worker left to notify anyone.
   */
  async function awaitAbortedUpdate(): Promise<void> {
    const blocked = await poll(
      () => rig.db.blockedUpdates(),
      (n) => n === 0,
      5_000,
    );
    expect(blocked).toBe(0);
  }

  /**
   * A new worker makes the reminder due (version 1 → 2), and a few sweeps later (every 2 s)
   * nothing has moved it again: one "reminder moved" line across all workers.
   */
  async function expectDeliveredOnceByNewWorker(reminderId: string): Promise<void> {
    await startWorker();
    const row = await poll(
      () => rig.db.row(reminderId),
      (r) => r.status === 'due',
      20_000,
    );
    expect(row).toEqual({ status: 'due', version: 2 });
    await pause(5000);
    expect(await rig.db.row(reminderId)).toEqual({ status: 'due', version: 2 });
    expect(movesOf(reminderId)).toBe(1);
  }

  beforeAll(async () => {
    ({ api, accompanier } = await rig.accompanier('crash'));
  });

  afterEach(async () => {
    await rig.db.unlock().catch(() => undefined);
    await rig.stopWorkers();
    // Each test starts from an empty Redis (the rows in PostgreSQL stay).
    await rig.probe.redis.flushall();
  });

  it('should make the reminder due exactly once when the worker is killed with SIGKILL mid-job', async () => {
    const reminderId = await scheduleReminder();
    await rig.db.lock(reminderId);
    const first = await startWorker();
    // Its connections have the setting that lets PostgreSQL abort a dead worker's statement.
    expect(first.lines.filter((line) => line.context === 'ConnectionCheckService')).toEqual([]);
    await awaitBlockedJob();

    first.kill('SIGKILL');
    expect(await first.waitForExit()).toEqual({ code: null, signal: 'SIGKILL' });
    await awaitAbortedUpdate();
    await rig.db.unlock();
    // The dead worker's UPDATE was aborted: it never commits.
    await pause(500);
    expect(await rig.db.row(reminderId)).toEqual({ status: 'scheduled', version: 1 });

    // BullMQ's stalled check (lock 2 s, check every 1 s) hands the job to the new worker.
    await expectDeliveredOnceByNewWorker(reminderId);
  });

  /**
   * After the second crash BullMQ's stalled check (maxStalledCount 1) fails the job for good,
   * keeping its deterministic id; the sweep then retries that failed job instead of adding it.
   */
  it('should still deliver the reminder exactly once when the worker is killed twice on the same job', async () => {
    const reminderId = await scheduleReminder();
    for (let kill = 0; kill < 2; kill++) {
      await rig.db.lock(reminderId);
      const worker = await startWorker();
      await awaitBlockedJob();
      worker.kill('SIGKILL');
      await worker.waitForExit();
      await awaitAbortedUpdate();
      await rig.db.unlock();
    }
    await pause(500);
    expect(await rig.db.row(reminderId)).toEqual({ status: 'scheduled', version: 1 });

    // The stalled check fails the job within a few seconds; the next sweeps (every 2 s) retry it.
    await expectDeliveredOnceByNewWorker(reminderId);
  });

  it('should finish the running job on SIGTERM and leave nothing stalled', async () => {
    const reminderId = await scheduleReminder();
    await rig.db.lock(reminderId);
    const worker = await startWorker();
    await awaitBlockedJob();

    worker.kill('SIGTERM');
    await pause(500);
    expect(worker.running).toBe(true);
    await rig.db.unlock();
    // Nest closes the application, then re-raises the signal: a clean stop ends by SIGTERM.
    expect([0, 'SIGTERM']).toContain(await worker.waitForExit(10_000).then((e) => e.signal ?? e.code));

    expect(await rig.db.row(reminderId)).toEqual({ status: 'due', version: 2 });
    expect(movesOf(reminderId)).toBe(1);
    const counts = await rig.probe.counts();
    expect({ active: counts.active, failed: counts.failed }).toEqual({ active: 0, failed: 0 });
    expect(await rig.probe.queue.getJob(`reminder-${reminderId}-1`)).toBeUndefined();
  });
});
