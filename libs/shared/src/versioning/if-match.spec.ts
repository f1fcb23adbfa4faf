import { ValidationFailedError } from '../errors';
import { parseIfMatch } from './if-match.decorator';

describe(parseIfMatch.name, () => {
  it('should read strong and weak ETags of a version', () => {
    expect(parseIfMatch('"3"')).toBe(3);
    expect(parseIfMatch(' W/"12" ')).toBe(12);
  });

  it('should take * (any current representation) and an absent header as no precondition', () => {
    expect(parseIfMatch('*')).toBeUndefined();
    expect(parseIfMatch(' * ')).toBeUndefined();
    expect(parseIfMatch(undefined)).toBeUndefined();
  });

  it('should refuse anything else with 400', () => {
    for (const bad of ['3', '"x"', '**', '"3", "4"']) {
      expect(() => parseIfMatch(bad)).toThrow(ValidationFailedError);
    }
  });
});
