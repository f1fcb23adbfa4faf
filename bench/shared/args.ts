/**
 * A bench's settings: `--name=value` arguments, each with an environment variable as the
 * second source and a default as the last.
 */
export class BenchArgs {
  private readonly args = new Map<string, string>();

  constructor(argv: string[]) {
    for (const arg of argv) {
      const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
      if (!match?.[1]) throw new Error(`unknown argument ${arg} (use --name=value)`);
      this.args.set(match[1], match[2] ?? 'true');
    }
  }

  text(arg: string, env: string, fallback: string): string {
    return this.args.get(arg) ?? process.env[env] ?? fallback;
  }

  int(arg: string, env: string, fallback: number, min: number): number {
    const value = Number(this.text(arg, env, String(fallback)));
    if (!Number.isInteger(value) || value < min) {
      throw new Error(`--${arg} / ${env} must be an integer ≥ ${min}`);
    }
    return value;
  }

  flag(arg: string, env: string): boolean {
    return ['1', 'true'].includes(this.text(arg, env, 'false'));
  }

  /** Refuses arguments that no setting read (typos would otherwise be ignored). */
  refuseUnknown(known: string[]): void {
    const unknown = [...this.args.keys()].filter((arg) => !known.includes(arg));
    if (unknown.length > 0) throw new Error(`unknown argument(s): --${unknown.join(', --')}`);
  }
}
