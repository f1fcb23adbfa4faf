import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

/**
 * What the real TransactionRunner is given instead of the DataSource in service-level tests.
 * Each test runs on one connection inside one transaction that is rolled back afterwards, so
 * nothing a test writes outlives it. TransactionRunner itself runs unchanged: its `manager()`
 * outside `run()` answers this test's connection, and `run()` opens a SAVEPOINT inside the
 * test's transaction (released on success, rolled back to on error), so a failing use case
 * leaves no partial write behind and after-commit hooks run after the "commit", as in
 * production.
 *
 * Limits: one connection per test, so row-lock races cannot be staged here (e2e and fault
 * tests do that); `now()` in SQL is the test transaction's start time; a statement that
 * fails outside `run()` aborts the test's transaction, so assert on it last.
 */
export class RollbackTransaction {
  private queryRunner: QueryRunner | null = null;

  constructor(private readonly dataSource: DataSource) {}

  async begin(): Promise<void> {
    if (this.queryRunner) throw new Error('the previous test transaction was not rolled back');
    const queryRunner = this.dataSource.createQueryRunner();
    await queryRunner.connect();
    await queryRunner.startTransaction();
    this.queryRunner = queryRunner;
  }

  async rollback(): Promise<void> {
    const queryRunner = this.queryRunner;
    this.queryRunner = null;
    if (!queryRunner) return;
    try {
      if (queryRunner.isTransactionActive) await queryRunner.rollbackTransaction();
    } finally {
      await queryRunner.release();
    }
  }

  /** Read by TransactionRunner as `dataSource.manager`: the test's connection. */
  get manager(): EntityManager {
    return this.current().manager;
  }

  /** Called by TransactionRunner.run() as `dataSource.transaction(work)`: a savepoint. */
  async transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const queryRunner = this.current();
    await queryRunner.startTransaction();
    try {
      const result = await work(queryRunner.manager);
      await queryRunner.commitTransaction();
      return result;
    } catch (error) {
      await queryRunner.rollbackTransaction();
      throw error;
    }
  }

  private current(): QueryRunner {
    if (!this.queryRunner) {
      throw new Error(
        'service code touched the database outside a test (beforeAll/afterAll or module start)',
      );
    }
    return this.queryRunner;
  }
}
