import { normalizeName, searchTextOf } from './name-search';

describe(normalizeName.name, () => {
  it.each([
    ['Elçin', 'elcin'],
    ['ŞÜKÜR Ağayev', 'sukur agayev'],
    // Query and data fold alike, so й → и (a breve is a mark) still matches.
    ['Айсель  Мамедова', 'аисель мамедова'],
    ['Ёлка', 'елка'],
    ['İlqar Qasımov', 'ilqar qasimov'],
    ["O'Brien-Smith", 'o brien smith'],
  ])('should fold %p to %p', (name, folded) => {
    expect(normalizeName(name)).toBe(folded);
  });

  it('should keep every spelling of a person in one search text', () => {
    expect(searchTextOf('Elçin Məmmədov', ['Эльчин Мамедов', ' '])).toBe('elcin məmmədov | эльчин мамедов');
  });
});
