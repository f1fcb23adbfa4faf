import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * The worker relies on PostgreSQL aborting the statement of a worker that died
 * (client_connection_check_interval, set on every connection by libs/persistence). A
 * connection pooler can drop that startup option silently (PgBouncer with
 * ignore_startup_parameters): then say so once, loudly, rather than find out after a crash.
 */
@Injectable()
export class ConnectionCheckService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ConnectionCheckService.name);

  constructor(private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    const [row] = await this.dataSource.query<Array<{ interval: string }>>(
      `SELECT current_setting('client_connection_check_interval') AS interval`,
    );
    if (!row || row.interval === '0') {
      this.logger.warn(
        'client_connection_check_interval is off on this connection: a worker killed mid-job may leave a reminder moved without its notification (see docs/operations.md)',
      );
    }
  }
}
