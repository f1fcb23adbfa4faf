import { isIsoDuration, parseDuration } from './duration';

describe(parseDuration.name, () => {
  it.each([
    ['P30D', 30 * 86_400_000],
    ['P3D', 3 * 86_400_000],
    ['PT2S', 2000],
    ['PT1H', 3_600_000],
    ['P1DT12H30M5S', 86_400_000 + 12 * 3_600_000 + 30 * 60_000 + 5000],
  ])('should read %s as %i ms', (iso, ms) => {
    expect(parseDuration(iso)).toBe(ms);
  });

  it.each(['', 'P', 'PT', '30D', 'P1W', 'P1Y', 'PT1.5S', 'p3d'])('should refuse %p', (iso) => {
    expect(isIsoDuration(iso)).toBe(false);
    expect(() => parseDuration(iso)).toThrow(RangeError);
  });
});
