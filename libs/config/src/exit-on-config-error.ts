import { ConfigError } from './validate-env';

/**
 * Process entry points wrap their start-up in this: a bad environment ends the process
 * with exactly one line naming the variables, never their values and never a stack.
 */
export async function runWithConfigGuard(start: () => Promise<void>): Promise<void> {
  try {
    await start();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
