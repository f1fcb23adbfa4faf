import globalSetup from './global-setup';
import { ensureBuilt } from './worker-process';

/** Fault tests run the worker from dist/: build it first when missing or stale, then the usual setup. */
export default async function faultsGlobalSetup(): Promise<void> {
  ensureBuilt();
  await globalSetup();
}
