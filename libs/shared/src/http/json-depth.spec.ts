import { exceedsJsonDepth, MAX_JSON_DEPTH } from './json-depth';

const nested = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);

describe(exceedsJsonDepth.name, () => {
  it('should accept nesting up to the limit and refuse one level more', () => {
    expect(exceedsJsonDepth(nested(MAX_JSON_DEPTH))).toBe(false);
    expect(exceedsJsonDepth(nested(MAX_JSON_DEPTH + 1))).toBe(true);
    expect(exceedsJsonDepth('{"a":{"b":[{"c":1}]}}', 3)).toBe(true);
    expect(exceedsJsonDepth('{"a":{"b":[{"c":1}]}}', 4)).toBe(false);
  });

  it('should count siblings once, not add them up', () => {
    expect(exceedsJsonDepth(`[${Array.from({ length: 1000 }, () => '[[1]]').join(',')}]`, 3)).toBe(false);
  });

  it('should ignore brackets and escaped quotes inside strings', () => {
    expect(exceedsJsonDepth(JSON.stringify({ text: '[[[[[[{{{{' }), 1)).toBe(false);
    expect(exceedsJsonDepth(JSON.stringify({ text: 'say "[[[" \\ ok', more: ['x'] }), 2)).toBe(false);
    expect(exceedsJsonDepth(JSON.stringify({ text: '"', deep: [[['x']]] }), 3)).toBe(true);
  });

  it('should refuse half a million levels without recursing (no stack overflow)', () => {
    expect(exceedsJsonDepth(nested(500_000))).toBe(true);
    expect(exceedsJsonDepth('{'.repeat(500_000))).toBe(true);
  });
});
