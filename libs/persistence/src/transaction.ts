import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

interface TransactionContext {
  manager: EntityManager;
  afterCommit: Array<() => Promise<void> | void>;
}

/**
 * The one transaction mechanism. `run()` opens a transaction or joins the one already
 * open in this async context, so a write that spans several libs commits or rolls back
 * as a whole. Repositories take their EntityManager from `manager()`.
 */
@Injectable()
export class TransactionRunner {
  private readonly logger = new Logger(TransactionRunner.name);
  private readonly storage = new AsyncLocalStorage<TransactionContext>();

  constructor(private readonly dataSource: DataSource) {}

  /** The current transaction's manager, or the pool's when none is open. */
  manager(): EntityManager {
    return this.storage.getStore()?.manager ?? this.dataSource.manager;
  }

  /** Runs SQL with named parameters (`:name`) in the current transaction (or on the pool). */
  query<Row>(sql: string, params: Record<string, unknown>): Promise<Row[]> {
    const manager = this.manager();
    const [text, values] = manager.connection.driver.escapeQueryWithParameters(sql, params);
    return manager.query<Row[]>(text, values);
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.storage.getStore()) return work();
    const context: TransactionContext = { manager: this.dataSource.manager, afterCommit: [] };
    const result = await this.dataSource.transaction((manager) => {
      context.manager = manager;
      return this.storage.run(context, work);
    });
    await this.runAfterCommit(context.afterCommit);
    return result;
  }

  /**
   * Defers a side effect (an enqueue, an event) until the surrounding transaction has
   * committed; runs it at once when no transaction is open. A failing hook is logged,
   * never rethrown: the data is already committed and sweeps repair what a hook missed.
   */
  afterCommit(hook: () => Promise<void> | void): void {
    const context = this.storage.getStore();
    if (context) context.afterCommit.push(hook);
    else void this.runAfterCommit([hook]);
  }

  private async runAfterCommit(hooks: Array<() => Promise<void> | void>): Promise<void> {
    for (const hook of hooks) {
      try {
        await hook();
      } catch (error) {
        this.logger.warn({ err: error }, 'after-commit hook failed');
      }
    }
  }
}
