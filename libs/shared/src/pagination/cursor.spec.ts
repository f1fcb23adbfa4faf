import { decodeCursor, encodeCursor, toPage, type CursorPart } from './cursor';

describe('keyset cursors', () => {
  const id = '6f1c2b9e-3a4d-4e5f-8a9b-0c1d2e3f4a5b';

  it('should round-trip a key', () => {
    expect(decodeCursor(encodeCursor(['Məmmədov', id]), ['string', 'uuid'])).toEqual(['Məmmədov', id]);
    expect(
      decodeCursor(encodeCursor(['2026-01-02T03:04:05.123456Z', id]), ['timestamp', 'uuid']),
    ).toHaveLength(2);
  });

  it.each<[string, CursorPart[]]>([
    ['', ['string', 'uuid']],
    ['not-base64!!', ['string', 'uuid']],
    [encodeCursor(['only-one']), ['string', 'uuid']],
    [Buffer.from('{"a":1}').toString('base64url'), ['string', 'uuid']],
    [encodeCursor(['Name', 'not-a-uuid']), ['string', 'uuid']],
    [encodeCursor(['yesterday', id]), ['timestamp', 'uuid']],
    [encodeCursor(['x2026-01-02T03:04:05Z', id]), ['timestamp', 'uuid']],
    [encodeCursor(['2026-01-02T03:04:05Zx', id]), ['timestamp', 'uuid']],
    [encodeCursor(['2026-01-02T03:04:05.1234567Z', id]), ['timestamp', 'uuid']],
    // An array whose text would pass the timestamp pattern is still not a string.
    [
      Buffer.from(JSON.stringify([['2026-01-02T03:04:05Z'], id])).toString('base64url'),
      ['timestamp', 'uuid'],
    ],
    [encodeCursor([42, id]), ['string', 'uuid']],
    [encodeCursor(['x'.repeat(1001), id]), ['string', 'uuid']],
  ])('should refuse the malformed cursor %p with a 400 naming the field', (cursor, shape) => {
    expect(() => decodeCursor(cursor, shape)).toThrow(expect.objectContaining({ kind: 'validation' }));
  });

  it('should name the cursor field with a stable code', () => {
    expect(() => decodeCursor('garbage', ['uuid'])).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        errors: [{ field: 'cursor', code: 'invalid_format', message: 'cursor is not valid' }],
      }),
    );
  });

  it('should accept a timestamp without fractions and a string part of up to 1000 characters', () => {
    const long = 'x'.repeat(1000);
    expect(decodeCursor(encodeCursor(['2026-01-02T03:04:05Z', long]), ['timestamp', 'string'])).toEqual([
      '2026-01-02T03:04:05Z',
      long,
    ]);
  });

  it('should give no next cursor for an empty page, whatever was fetched', () => {
    const keyOf = (r: { id: string }) => [r.id];
    expect(toPage([{ id: 'a' }], 0, keyOf, (r) => r.id)).toEqual({ items: [], nextCursor: null });
  });

  it('should give a next cursor only when an extra row was fetched', () => {
    const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    const full = toPage(
      rows,
      2,
      (r) => [r.id],
      (r) => r.id,
    );
    expect(full).toEqual({ items: ['a', 'b'], nextCursor: encodeCursor(['b']) });
    expect(
      toPage(
        rows.slice(0, 2),
        2,
        (r) => [r.id],
        (r) => r.id,
      ).nextCursor,
    ).toBeNull();
  });
});
