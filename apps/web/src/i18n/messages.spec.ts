import { LANGUAGES, MESSAGES } from './messages';

describe('UI messages', () => {
  const reference = Object.keys(MESSAGES.en).sort();

  it.each(LANGUAGES)('should have every key, and only those, in %s', (language) => {
    expect(Object.keys(MESSAGES[language]).sort()).toEqual(reference);
  });

  it.each(LANGUAGES)('should leave no message empty in %s', (language) => {
    const empty = Object.entries(MESSAGES[language]).filter(([, text]) => text.trim() === '');
    expect(empty).toEqual([]);
  });

  it('should translate the sentences (only names and short labels may be the same in all three)', () => {
    const untranslated = reference.filter(
      (key) =>
        MESSAGES.az[key as keyof typeof MESSAGES.az] === MESSAGES.en[key as keyof typeof MESSAGES.en] &&
        MESSAGES.en[key as keyof typeof MESSAGES.en].includes(' '),
    );
    expect(untranslated).toEqual([]);
  });
});
