import type { LoggerService } from '@nestjs/common';
import type { Level, Logger as Pino } from 'pino';

/**
 * Nest's logger, written through pino. Accepts Nest's two calling styles: a message
 * string, or an object of fields followed by a message (`logger.warn({ err }, 'failed')`);
 * Nest appends the logger's context (its class name) as the last argument.
 */
export class AppLogger implements LoggerService {
  constructor(readonly pino: Pino) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(level: Level, message: unknown, rest: unknown[]): void {
    if (!this.pino.isLevelEnabled(level)) return;
    const fields: Record<string, unknown> = {};
    let params = rest;
    if (rest.length > 0) {
      const context = rest[rest.length - 1];
      if (context !== undefined) fields.context = context;
      params = rest.slice(0, -1);
    }
    const text = params.find((p): p is string => typeof p === 'string');
    if (message instanceof Error) {
      fields.err = message;
      this.pino[level](fields, text ?? message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.pino[level](Object.assign(fields, message), text);
    } else if (level === 'error' && text !== undefined && /\n\s*at /.test(text)) {
      // Nest's own exception handlers call error(message, stack).
      const err = new Error(String(message));
      err.stack = text;
      fields.err = err;
      this.pino[level](fields, String(message));
    } else {
      this.pino[level](fields, String(message));
    }
  }
}
