import { decodeCursor, encodeCursor, toPage } from './cursor';

describe('keyset cursors', () => {
  it('should round-trip a key', () => {
    expect(decodeCursor(encodeCursor(['Məmmədov', 'id-1']), 2)).toEqual(['Məmmədov', 'id-1']);
  });

  it.each(['', 'not-base64!!', encodeCursor(['only-one']), Buffer.from('{"a":1}').toString('base64url')])(
    'should refuse the malformed cursor %p with a 400 naming the field',
    (cursor) => {
      expect(() => decodeCursor(cursor, 2)).toThrow(expect.objectContaining({ kind: 'validation' }));
    },
  );

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
