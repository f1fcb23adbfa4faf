import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A connection URI for libpq's tools, and what to delete once they are done. */
export interface LibpqTarget {
  uri: string;
  dispose(): Promise<void>;
}

/**
 * pg_dump and pg_restore get the database as `--dbname <URI>`, but without the password:
 * a command line is readable by every user of the host (ps, /proc). The password goes into
 * a private passfile (0600, deleted afterwards) that the URI names.
 */
export async function libpqTarget(databaseUrl: string): Promise<LibpqTarget> {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  if (!password) return { uri: url.toString(), dispose: () => Promise.resolve() };
  if (/[\r\n]/.test(password)) throw new Error('the database password holds a line break');
  const dir = await mkdtemp(join(tmpdir(), 'accompany-pgpass-'));
  const passfile = join(dir, 'pgpass');
  // Format host:port:database:user:password; in the password, ':' and '\' are escaped.
  await writeFile(passfile, `*:*:*:*:${password.replace(/([\\:])/g, '\\$1')}\n`, { mode: 0o600 });
  url.password = '';
  url.searchParams.set('passfile', passfile);
  return { uri: url.toString(), dispose: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * Runs a PostgreSQL client tool; its messages go to our stderr, its stdout is returned.
 * Fails with one line naming the tool (never its arguments, which hold the URI).
 */
export function runPgTool(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          error.code === 'ENOENT'
            ? `${command} not found: install the PostgreSQL client tools (same major version as the server or newer)`
            : `${command} could not start: ${error.message}`,
        ),
      ),
    );
    child.once('close', (code, signal) => {
      if (code === 0) resolve(Buffer.concat(chunks).toString('utf8'));
      else reject(new Error(`${command} failed (${signal ?? `exit code ${code}`})`));
    });
  });
}
