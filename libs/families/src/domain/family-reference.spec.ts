import { FAMILY_REFERENCE_PATTERN, formatFamilyReference } from './family-reference';

describe(formatFamilyReference.name, () => {
  it('should pad the yearly number to six digits', () => {
    expect(formatFamilyReference(2026, 123)).toBe('FAM-2026-000123');
    expect(formatFamilyReference(2027, 999_999)).toBe('FAM-2027-999999');
    expect(formatFamilyReference(2026, 1)).toMatch(FAMILY_REFERENCE_PATTERN);
  });

  it.each([
    [2026, 0],
    [2026, 1_000_000],
    [2026, 1.5],
    [99, 1],
  ])('should refuse year %i number %d', (year, sequence) => {
    expect(() => formatFamilyReference(year, sequence)).toThrow(RangeError);
  });
});
