/** Human references: `FAM-<year>-<6 digits>`, numbered per year. */
export function formatFamilyReference(year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError('year out of range');
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999_999) {
    throw new RangeError('sequence out of range');
  }
  return `FAM-${year}-${String(sequence).padStart(6, '0')}`;
}

export const FAMILY_REFERENCE_PATTERN = /^FAM-\d{4}-\d{6}$/;
