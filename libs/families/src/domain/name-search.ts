/**
 * The search key of a name: lower case, without diacritics, single-spaced. Stored beside
 * the names so `q` matches case- and accent-insensitively with an index; the multi-script
 * search (Cyrillic ↔ Latin spellings) extends this function.
 */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** All spellings of one person as one searchable text. */
export function searchTextOf(fullName: string, otherNames: readonly string[] = []): string {
  return [fullName, ...otherNames].map(normalizeName).filter(Boolean).join(' | ');
}
