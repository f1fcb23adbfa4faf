import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { parseDuration } from './duration';
import { GENERAL_DEFAULTS, LOCAL_DEFAULTS } from './env.defaults';
import { EnvironmentVariables, type EnvName } from './env.schema';

/** Thrown when the environment is unusable. Its message names variables, never values. */
export class ConfigError extends Error {
  constructor(readonly invalid: string[]) {
    super(`Invalid configuration: ${invalid.join(', ')}`);
    this.name = 'ConfigError';
  }
}

const ENV_NAMES = Object.keys({ ...GENERAL_DEFAULTS, ...LOCAL_DEFAULTS }) as EnvName[];

/** Picks only the variables we know, blank strings counting as unset. */
function pickKnown(raw: NodeJS.ProcessEnv, names: readonly string[]): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const name of names) {
    const value = raw[name];
    if (value !== undefined && value !== '') picked[name] = value;
  }
  return picked;
}

export function validateEnv(raw: NodeJS.ProcessEnv): EnvironmentVariables {
  const isProduction = raw.NODE_ENV === 'production';
  const known = pickKnown(raw, [...ENV_NAMES, 'ADMIN_EMAIL', 'ADMIN_PASSWORD', 'NODE_ENV', 'SMTP_URL']);
  const merged = { ...GENERAL_DEFAULTS, ...(isProduction ? {} : LOCAL_DEFAULTS), ...known };
  // CORS_ORIGINS may legitimately be empty.
  merged.CORS_ORIGINS = raw.CORS_ORIGINS ?? merged.CORS_ORIGINS ?? '';

  const env = plainToInstance(EnvironmentVariables, merged);
  const errors = validateSync(env, { skipMissingProperties: false, forbidUnknownValues: true });
  const invalid = errors.map((e) => `${e.property} (${Object.keys(e.constraints ?? {}).join(', ')})`);
  if (invalid.length > 0) throw new ConfigError(invalid);
  // A sweep slower than the horizon would let reminders slip past it unqueued.
  if (parseDuration(env.REMINDER_SWEEP_EVERY) >= parseDuration(env.REMINDER_HORIZON)) {
    throw new ConfigError(['REMINDER_SWEEP_EVERY (must be shorter than REMINDER_HORIZON)']);
  }
  // BullMQ refuses a zero stalled interval, and Node timers overflow past 24.8 days.
  const outOfRange = (['QUEUE_LOCK_DURATION', 'QUEUE_STALLED_INTERVAL'] as const).filter((name) => {
    const ms = parseDuration(env[name]);
    return ms < 1000 || ms > 24 * 3600 * 1000;
  });
  if (outOfRange.length > 0) {
    throw new ConfigError(outOfRange.map((name) => `${name} (between PT1S and P1D)`));
  }
  return env;
}
