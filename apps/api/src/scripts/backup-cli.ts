import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** A refusal or failure the operator can act on: printed as one line, with its exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Exit codes of backup and restore (documented in docs/operations.md). */
export const EXIT_FAILED = 1;
export const EXIT_REFUSED = 2;

/**
 * Runs a command's body and turns any error into one line on stderr and a non-zero exit
 * code; no stack, since errors of pg never hold the password but stacks are noise here.
 */
export async function runCli(name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    const exitCode = error instanceof CliError ? error.exitCode : EXIT_FAILED;
    process.stderr.write(`${name}: ${(error as Error).message}\n`);
    process.exitCode = exitCode;
  }
}

/** Command-line parsing whose errors (an unknown option) are a refusal with the usage line. */
export function parsed<T>(parse: () => T, usage: string): T {
  try {
    return parse();
  } catch (error) {
    const reason = (error as Error).message.split('. ')[0] ?? 'bad arguments';
    throw new CliError(`${reason}; ${usage}`, EXIT_REFUSED);
  }
}

export function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .once('error', reject)
      .once('end', () => resolve(hash.digest('hex')));
  });
}
