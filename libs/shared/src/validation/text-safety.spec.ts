import { findUnsafeText, isUnsafeText } from './text-safety';

describe(isUnsafeText.name, () => {
  it('should refuse NUL and lone surrogates, and accept any real Unicode text', () => {
    for (const bad of ['a\u0000b', '\uD800', 'x\uD800y', '\uDC00x', 'a\uDC00\uD800']) {
      expect({ bad, unsafe: isUnsafeText(bad) }).toEqual({ bad, unsafe: true });
    }
    for (const good of ['', 'Elçin Məmmədov', 'Айсель', '😀 emoji', 'tab\tand\nnewline']) {
      expect({ good, unsafe: isUnsafeText(good) }).toEqual({ good, unsafe: false });
    }
  });
});

describe(findUnsafeText.name, () => {
  it('should name the first unsafe string by its path', () => {
    expect(findUnsafeText({ members: [{ fullName: 'ok' }, { otherNames: ['ok', 'n\u0000'] }] })).toBe(
      'members[1].otherNames[1]',
    );
    expect(findUnsafeText({ email: 'a\uD800@b.c' })).toBe('email');
    expect(findUnsafeText('x\u0000', 'id')).toBe('id');
  });

  it('should name the object holding an unsafe key', () => {
    expect(findUnsafeText({ consent: { ['a\u0000']: true } })).toBe('consent');
  });

  it('should pass safe values, numbers, booleans and null', () => {
    expect(findUnsafeText({ a: [1, true, null, { b: 'Ünïcödé' }] })).toBeUndefined();
  });
});
