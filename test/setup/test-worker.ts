import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { WorkerModule } from '../../apps/worker/src/worker.module';

/**
 * The real worker (processors, sweep, heartbeat) in the test process. `overrides` set
 * environment variables for its start only, e.g. a short ESCALATION_GRACE.
 */
export async function startTestWorker(
  overrides: Record<string, string> = {},
): Promise<INestApplicationContext> {
  const previous = Object.fromEntries(Object.keys(overrides).map((key) => [key, process.env[key]]));
  Object.assign(process.env, overrides);
  try {
    const worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    try {
      await worker.init();
    } catch (error) {
      await worker.close();
      throw error;
    }
    return worker;
  } finally {
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}
