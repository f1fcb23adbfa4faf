import { type DynamicModule, Global, Module, type Type } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { Test, type TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { AuditModule } from '@accompany/audit';
import { BootstrapAdminService } from '@accompany/auth';
import { ConfigModule } from '@accompany/config';
import { PersistenceModule, TransactionRunner } from '@accompany/persistence';
import { JobProducer, QueueWorkers } from '@accompany/queue';
import { REDIS, RedisKeys } from '@accompany/redis';
import { IdempotencyModule } from '@accompany/shared';
import { type RecordedJob, RecordingJobProducer } from './recording-job-producer';
import { RollbackTransaction } from './rollback-transaction';

type ModuleImport = Type | DynamicModule;

/** A Redis that never connects: listeners (the sweep's 'ready') are accepted, commands do not exist. */
const DISCONNECTED_REDIS = {
  status: 'end',
  on: () => DISCONNECTED_REDIS,
  off: () => DISCONNECTED_REDIS,
};

/** What libs/redis and libs/queue would provide, without Redis: the tier tests PostgreSQL only. */
@Global()
@Module({})
class NoRedisModule {
  static with(producer: RecordingJobProducer): DynamicModule {
    return {
      module: NoRedisModule,
      providers: [
        { provide: REDIS, useValue: DISCONNECTED_REDIS },
        RedisKeys,
        { provide: JobProducer, useValue: producer },
        // Worker modules start BullMQ workers on bootstrap; here nothing is consumed.
        { provide: QueueWorkers, useValue: { start: () => undefined } },
      ],
      exports: [REDIS, RedisKeys, JobProducer, QueueWorkers],
    };
  }
}

export interface ServiceTier {
  /** A provider of the modules under test (services are not exported everywhere: not strict). */
  get<T>(type: Type<T>): T;
  /** SQL on the test's own connection, inside its transaction: set up or inspect rows. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Jobs the code under test handed to the queue after commit, in this test. */
  readonly jobs: readonly RecordedJob[];
}

/**
 * Service-level tests: the libs' real modules, services and repositories against the run's
 * PostgreSQL (migrated once by the global setup), no HTTP and no Redis. Call it once at the
 * top of a test file with the modules under test; it registers the Jest hooks: the modules
 * start once per file, each test runs in a transaction that is rolled back after it.
 */
export function useServiceTier(imports: ModuleImport[]): ServiceTier {
  const producer = new RecordingJobProducer();
  let moduleRef: TestingModule | undefined;
  let transaction: RollbackTransaction | undefined;

  beforeAll(async () => {
    moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule,
        PersistenceModule,
        EventEmitterModule.forRoot(),
        AuditModule,
        // The libs' controllers come along with their modules and name its interceptor.
        IdempotencyModule,
        NoRedisModule.with(producer),
        ...imports,
      ],
    })
      .overrideProvider(TransactionRunner)
      .useFactory({
        inject: [DataSource],
        factory: (dataSource: DataSource) => {
          transaction = new RollbackTransaction(dataSource);
          // The real runner, handed the test's transaction where it expects the DataSource.
          return new TransactionRunner(transaction as unknown as DataSource);
        },
      })
      // It would create the first admin on start, outside any test's transaction.
      .overrideProvider(BootstrapAdminService)
      .useValue({ onApplicationBootstrap: () => undefined })
      .compile();
    // Starts the event listeners (RemindersListener reacts to contacts and families).
    await moduleRef.init();
  });

  beforeEach(async () => {
    producer.jobs.length = 0;
    await required(transaction).begin();
  });

  afterEach(async () => {
    await transaction?.rollback();
  });

  afterAll(async () => {
    await moduleRef?.close();
  });

  return {
    get: <T>(type: Type<T>): T => required(moduleRef).get(type, { strict: false }),
    query: <T>(sql: string, params: unknown[] = []): Promise<T[]> =>
      required(moduleRef).get(TransactionRunner).manager().query<T[]>(sql, params),
    jobs: producer.jobs,
  };
}

function required<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('the service tier did not start (see beforeAll)');
  return value;
}
