import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** Exit codes of backup and restore (documented in docs/operations.md). */
export const EXIT_FAILED = 1;
export const EXIT_REFUSED = 2;

/** A refusal or failure the operator can act on: printed as one line, with its exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_FAILED,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/**
 * Runs a command's body; any error becomes one line on stderr and a non-zero exit code. No
 * stack: the operator needs the reason, and no message here ever holds the database URL.
 */
export async function runCli(name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    const exitCode = error instanceof CliError ? error.exitCode : EXIT_FAILED;
    const message = (error as Error).message.replace(/\s*\n\s*/g, ' ');
    process.stderr.write(`${name}: ${message}\n`);
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
