import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  Validate,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { isIsoDuration } from './duration';

const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

@ValidatorConstraint({ name: 'base64Key32' })
class IsBase64Key32 implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return (
      typeof value === 'string' &&
      /^[A-Za-z0-9+/]+={0,2}$/.test(value) &&
      Buffer.from(value, 'base64').length === 32
    );
  }
}

@ValidatorConstraint({ name: 'timeZone' })
class IsTimeZone implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string' || value.length === 0) return false;
    try {
      new Intl.DateTimeFormat('en', { timeZone: value });
      return true;
    } catch {
      return false;
    }
  }
}

/** A calendar date `YYYY-MM-DD` that exists (not 1988-02-30). */
@ValidatorConstraint({ name: 'calendarDate' })
class IsCalendarDate implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }
}

@ValidatorConstraint({ name: 'isoDuration' })
class IsIsoDuration implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return isIsoDuration(value);
  }
}

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
const toBool = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

/**
 * Every setting the processes read. Values arrive as strings from the environment;
 * validation failures are reported by variable name only, never by value.
 */
export class EnvironmentVariables {
  @IsIn(NODE_ENVS)
  NODE_ENV!: NodeEnv;

  @Matches(/^postgres(ql)?:\/\/\S+$/)
  DATABASE_URL!: string;

  @Matches(/^rediss?:\/\/\S+$/)
  REDIS_URL!: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT!: number;

  @IsString()
  @MinLength(32)
  JWT_ACCESS_SECRET!: string;

  @IsString()
  @MinLength(32)
  JWT_REFRESH_SECRET!: string;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(3600)
  JWT_ACCESS_TTL_SECONDS!: number;

  @Transform(toInt)
  @IsInt()
  @Min(3600)
  @Max(90 * 24 * 3600)
  JWT_REFRESH_TTL_SECONDS!: number;

  @Validate(IsBase64Key32)
  DATA_ENCRYPTION_KEY!: string;

  @IsOptional()
  @IsEmail()
  ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(12)
  @MaxLength(128)
  ADMIN_PASSWORD?: string;

  @Validate(IsTimeZone)
  TZ!: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  LOGIN_MAX_FAILURES!: number;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(900)
  LOGIN_LOCK_SECONDS!: number;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(24 * 3600)
  LOGIN_FAILURE_WINDOW_SECONDS!: number;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  RATE_LIMIT_PER_IP_PER_MINUTE!: number;

  @Matches(/^[A-Za-z0-9_-]{1,64}$/)
  REDIS_PREFIX!: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL!: string;

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(50 * 1024 * 1024)
  BODY_LIMIT_BYTES!: number;

  /** Comma-separated origins allowed by CORS; empty means CORS stays off. */
  @IsString()
  CORS_ORIGINS!: string;

  @Transform(toBool)
  @IsBoolean()
  TRUST_PROXY!: boolean;

  /** Next follow-up after a successful contact without a date. */
  @Validate(IsIsoDuration)
  FOLLOW_UP_CADENCE!: string;

  /** Retry after a contact attempt nobody answered. */
  @Validate(IsIsoDuration)
  CONTACT_RETRY_AFTER!: string;

  /** How long a due reminder may stay open before it escalates to the team's supervisors. */
  @Validate(IsIsoDuration)
  ESCALATION_GRACE!: string;

  /** How often the worker re-enqueues reminders missing from Redis. */
  @Validate(IsIsoDuration)
  REMINDER_SWEEP_EVERY!: string;

  /** Only checks due within this window wait in Redis; later ones stay rows until a sweep brings them in. */
  @Validate(IsIsoDuration)
  REMINDER_HORIZON!: string;

  /**
   * The earliest date a "when did it happen" field (a contact, a disappearance, when a family
   * was told) may name: older paper records are entered, typos such as 1066 are refused.
   */
  @Validate(IsCalendarDate)
  HISTORY_FLOOR_DATE!: string;

  /** Jobs one worker process runs at the same time; at most the database pool (20). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(20)
  WORKER_CONCURRENCY!: number;

  /** How long a worker's claim on a running job lasts without renewal (renewed every half of it). */
  @Validate(IsIsoDuration)
  QUEUE_LOCK_DURATION!: string;

  /** How often workers look for jobs whose worker died (lock expired) and hand them out again. */
  @Validate(IsIsoDuration)
  QUEUE_STALLED_INTERVAL!: string;

  /** Where the worker writes its own health verdict every 10 s, for the container's health check. */
  @Matches(/^\/\S+$/)
  WORKER_HEALTH_FILE!: string;

  /** SMTP server for the e-mail channel (smtp:// or smtps://); unset: e-mail is off. */
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/)
  SMTP_URL?: string;

  @IsString()
  @MinLength(3)
  MAIL_FROM!: string;

  /** An active family without a successful contact for this long raises an inactivity reminder. */
  @Validate(IsIsoDuration)
  INACTIVITY_AFTER!: string;
}

export type EnvName = keyof EnvironmentVariables;
