import { registerDecorator, type ValidationArguments } from 'class-validator';

/**
 * "When did it happen" fields (a contact, a disappearance, when a family was told, a birth)
 * name the past: never the future, never before a floor. A value outside these bounds is
 * well formed but cannot be true, so it answers 422 `out_of_range` (the validation pipe
 * decides the status); a malformed value is left to the field's format rule (400).
 */

/** HISTORY_FLOOR_DATE's default: the earliest events this deployment's cases record. */
export const DEFAULT_HISTORY_FLOOR = '1988-01-01';
/** Nobody alive and searched for, or searching, was born before this. */
export const BIRTH_FLOOR = '1900-01-01';
/** Field devices' clocks drift: an instant this far ahead of the server's clock is still "now". */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;
/** A calendar date is still "today" somewhere until the earliest time zone (UTC+14) has left it. */
const EARLIEST_ZONE_AHEAD_MS = 14 * 3600 * 1000;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The deployment's floor, set once at start-up from HISTORY_FLOOR_DATE (createValidationPipe).
 * Decorators are static, so the floor is module state: one process, one deployment, one floor.
 */
let historyFloor = DEFAULT_HISTORY_FLOOR;

export function setHistoryFloor(date: string): void {
  if (!DATE_ONLY.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
    throw new Error('the history floor must be a date as YYYY-MM-DD');
  }
  historyFloor = date;
}

export function currentHistoryFloor(): string {
  return historyFloor;
}

/** The latest calendar date (`YYYY-MM-DD`) that is today or past somewhere on Earth. */
export function latestPastDate(now: Date): string {
  return new Date(now.getTime() + EARLIEST_ZONE_AHEAD_MS).toISOString().slice(0, 10);
}

export type PastBreach = 'in_future' | 'before_floor';

/**
 * Why `value` (a date `YYYY-MM-DD` or an ISO instant) cannot have happened by `now`, or
 * undefined when it can, or when it is not a readable date (its format rule says so).
 */
export function pastBreachOf(value: unknown, floor: string, now: Date): PastBreach | undefined {
  if (typeof value !== 'string') return undefined;
  if (DATE_ONLY.test(value)) {
    if (value > latestPastDate(now)) return 'in_future';
    return value < floor ? 'before_floor' : undefined;
  }
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  if (at > now.getTime() + CLOCK_SKEW_MS) return 'in_future';
  return at < Date.parse(`${floor}T00:00:00Z`) ? 'before_floor' : undefined;
}

/** Why a birth year cannot be true, like pastBreachOf; non-integers are left to IsInt. */
export function birthYearBreachOf(value: unknown, now: Date): PastBreach | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value)) return undefined;
  if (value > Number(latestPastDate(now).slice(0, 4))) return 'in_future';
  return value < Number(BIRTH_FLOOR.slice(0, 4)) ? 'before_floor' : undefined;
}

function messageOf(breach: PastBreach | undefined, property: string, floor: string): string {
  return breach === 'before_floor'
    ? `${property} must not be before ${floor}`
    : `${property} must not be in the future`;
}

/**
 * A date or instant that happened: not in the future (an instant may be CLOCK_SKEW_MS
 * ahead), not before the floor: the deployment's HISTORY_FLOOR_DATE for events, 1900-01-01
 * for births (`{ floor: 'birth' }`). Put it beside the field's format rule.
 */
export function HappenedAt(options: { floor?: 'history' | 'birth' } = {}): PropertyDecorator {
  const floorOf = (): string => (options.floor === 'birth' ? BIRTH_FLOOR : historyFloor);
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'happenedAt',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: (args: ValidationArguments) =>
          messageOf(pastBreachOf(args.value, floorOf(), new Date()), args.property, floorOf()),
      },
      validator: {
        validate: (value: unknown) => pastBreachOf(value, floorOf(), new Date()) === undefined,
      },
    });
}

/** A birth year: not in the future, not before 1900. Put it beside IsInt. */
export function BornIn(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'happenedAt',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: (args: ValidationArguments) =>
          messageOf(birthYearBreachOf(args.value, new Date()), args.property, BIRTH_FLOOR.slice(0, 4)),
      },
      validator: { validate: (value: unknown) => birthYearBreachOf(value, new Date()) === undefined },
    });
}
