import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@accompany/persistence';
import { readSweepRecord, REMINDER_SWEEP, type QueryRows, type SweepRecord } from './sweep-health';

/** The sweep's last success in PostgreSQL (table `reminder_sweeps`), by the database's clock. */
@Injectable()
export class SweepRecordRepository {
  constructor(private readonly tx: TransactionRunner) {}

  private readonly query: QueryRows = <Row>(sql: string, params: unknown[]) =>
    this.tx.manager().query<Row[]>(sql, params);

  async recordSuccess(name = REMINDER_SWEEP): Promise<void> {
    await this.query(
      `INSERT INTO reminder_sweeps (name, last_success_at) VALUES ($1, clock_timestamp())
       ON CONFLICT (name) DO UPDATE SET last_success_at = EXCLUDED.last_success_at`,
      [name],
    );
  }

  read(name = REMINDER_SWEEP): Promise<SweepRecord | null> {
    return readSweepRecord(this.query, name);
  }
}
