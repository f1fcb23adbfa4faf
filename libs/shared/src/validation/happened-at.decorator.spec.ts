import { IsInt, validateSync } from 'class-validator';
import {
  birthYearBreachOf,
  BornIn,
  currentHistoryFloor,
  DEFAULT_HISTORY_FLOOR,
  HappenedAt,
  latestPastDate,
  pastBreachOf,
  setHistoryFloor,
} from './happened-at.decorator';

const NOW = new Date('2026-04-01T12:00:00Z');
const FLOOR = '1988-01-01';
const minutes = (n: number): string => new Date(NOW.getTime() + n * 60_000).toISOString();

describe(pastBreachOf.name, () => {
  it('should tolerate five minutes of clock skew for an instant, not more', () => {
    expect(pastBreachOf(minutes(5), FLOOR, NOW)).toBeUndefined();
    expect(pastBreachOf(minutes(-60), FLOOR, NOW)).toBeUndefined();
    expect(pastBreachOf(new Date(NOW.getTime() + 5 * 60_000 + 1).toISOString(), FLOOR, NOW)).toBe(
      'in_future',
    );
    expect(pastBreachOf(minutes(60 * 24 * 365), FLOOR, NOW)).toBe('in_future');
  });

  it('should refuse an instant before the floor, from its first millisecond', () => {
    expect(pastBreachOf('1988-01-01T00:00:00.000Z', FLOOR, NOW)).toBeUndefined();
    expect(pastBreachOf('1987-12-31T23:59:59.999Z', FLOOR, NOW)).toBe('before_floor');
    expect(pastBreachOf('1066-10-14T09:00:00Z', FLOOR, NOW)).toBe('before_floor');
  });

  it('should take a calendar date as past while it is today anywhere on Earth (UTC+14)', () => {
    expect(latestPastDate(NOW)).toBe('2026-04-02');
    expect(latestPastDate(new Date('2026-04-01T09:59:59Z'))).toBe('2026-04-01');
    expect(pastBreachOf('2026-04-01', FLOOR, NOW)).toBeUndefined();
    expect(pastBreachOf('2026-04-02', FLOOR, NOW)).toBeUndefined();
    expect(pastBreachOf('2026-04-03', FLOOR, NOW)).toBe('in_future');
  });

  it('should refuse a calendar date before the floor, and accept the floor itself', () => {
    expect(pastBreachOf('1988-01-01', FLOOR, NOW)).toBeUndefined();
    expect(pastBreachOf('1987-12-31', FLOOR, NOW)).toBe('before_floor');
    expect(pastBreachOf('1950-01-01', '1900-01-01', NOW)).toBeUndefined();
  });

  it('should leave values that are not readable dates to their format rule', () => {
    for (const value of ['yesterday', 'x1987-01-01', '3000-01-01x', '', 42, null, undefined, {}]) {
      expect({ value, breach: pastBreachOf(value, FLOOR, NOW) }).toEqual({ value, breach: undefined });
    }
  });
});

describe(birthYearBreachOf.name, () => {
  it('should accept 1900 to the current year (UTC+14) and refuse the rest', () => {
    expect(birthYearBreachOf(1900, NOW)).toBeUndefined();
    expect(birthYearBreachOf(2026, NOW)).toBeUndefined();
    expect(birthYearBreachOf(1899, NOW)).toBe('before_floor');
    expect(birthYearBreachOf(2027, NOW)).toBe('in_future');
    expect(birthYearBreachOf(2027, new Date('2026-12-31T10:00:00Z'))).toBeUndefined();
  });

  it('should leave what is not an integer to IsInt', () => {
    for (const value of [1970.5, '1970', null, undefined]) {
      expect({ value, breach: birthYearBreachOf(value, NOW) }).toEqual({ value, breach: undefined });
    }
  });
});

class Event {
  @HappenedAt() at?: unknown;
  @HappenedAt({ floor: 'birth' }) born?: unknown;
  @IsInt() @BornIn() year?: unknown;
}

const messagesOf = (values: Partial<Event>): Record<string, string> =>
  Object.fromEntries(
    validateSync(
      Object.assign(new Event(), { at: '2000-01-01', born: '1950-01-01', year: 1950, ...values }),
    ).map((error) => [
      error.property,
      Object.entries(error.constraints ?? {})
        .map(([k, m]) => `${k}: ${m}`)
        .join(),
    ]),
  );

describe('HappenedAt and BornIn', () => {
  afterEach(() => setHistoryFloor(DEFAULT_HISTORY_FLOOR));

  it('should pass dates that can be true', () => {
    expect(messagesOf({})).toEqual({});
  });

  it('should say which bound a value breaks, naming the floor', () => {
    expect(messagesOf({ at: '2999-01-01T00:00:00Z', born: '1899-12-31', year: 3000 })).toEqual({
      at: 'happenedAt: at must not be in the future',
      born: 'happenedAt: born must not be before 1900-01-01',
      year: 'happenedAt: year must not be in the future',
    });
    expect(messagesOf({ at: '1987-06-01', year: 1899 })).toEqual({
      at: 'happenedAt: at must not be before 1988-01-01',
      year: 'happenedAt: year must not be before 1900',
    });
  });

  it('should follow the configured history floor, but never move the birth floor', () => {
    setHistoryFloor('1970-01-01');
    expect(currentHistoryFloor()).toBe('1970-01-01');
    expect(messagesOf({ at: '1975-01-01', born: '1901-01-01' })).toEqual({});
    expect(messagesOf({ at: '1969-12-31' })).toEqual({ at: 'happenedAt: at must not be before 1970-01-01' });
  });

  it('should refuse a floor that is not a date', () => {
    expect(() => setHistoryFloor('1988')).toThrow('YYYY-MM-DD');
    expect(() => setHistoryFloor('1988-13-45')).toThrow('YYYY-MM-DD');
    expect(currentHistoryFloor()).toBe(DEFAULT_HISTORY_FLOOR);
  });
});
