import { diffFields, sameValue } from './field-diff';

describe('sameValue', () => {
  it.each([
    ['equal strings', 'a', 'a'],
    ['null and null', null, null],
    ['equal instants as Dates', new Date('2026-01-02T03:04:05.678Z'), new Date('2026-01-02T03:04:05.678Z')],
    [
      'a Date and the same instant as ISO text',
      new Date('2026-01-02T03:04:05.678Z'),
      '2026-01-02T03:04:05.678Z',
    ],
    [
      'the same instant in another offset',
      '2026-01-02T05:04:05.678+02:00',
      new Date('2026-01-02T03:04:05.678Z'),
    ],
    ['equal arrays', ['a', 'b'], ['a', 'b']],
    ['objects with keys in another order', { a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }],
    ['arrays of objects', [{ system: 'icrc', value: '1' }], [{ value: '1', system: 'icrc' }]],
  ])('should see the same value: %s', (_name, a, b) => {
    expect(sameValue(a, b)).toBe(true);
    expect(sameValue(b, a)).toBe(true);
  });

  it.each([
    ['different strings', 'a', 'b'],
    ['null and a value', null, 'a'],
    ['null and empty text', null, ''],
    ['null and an empty array', null, []],
    [
      'instants a millisecond apart',
      new Date('2026-01-02T03:04:05.678Z'),
      new Date('2026-01-02T03:04:05.679Z'),
    ],
    ['a Date and text that is no date', new Date('2026-01-02T03:04:05.678Z'), 'soon'],
    ['a Date and a number', new Date(0), 0],
    ['arrays of other lengths', ['a'], ['a', 'b']],
    ['arrays in another order', ['a', 'b'], ['b', 'a']],
    ['an array and an object', ['a'], { 0: 'a' }],
    ['objects with an extra key', { a: 1 }, { a: 1, b: 2 }],
    ['objects with a nested difference', { a: { b: 1 } }, { a: { b: 2 } }],
    ['a number and its text', 1, '1'],
    ['true and 1', true, 1],
  ])('should see a difference: %s', (_name, a, b) => {
    expect(sameValue(a, b)).toBe(false);
    expect(sameValue(b, a)).toBe(false);
  });
});

describe('diffFields', () => {
  const current = {
    fullName: 'Aynur Mammadova',
    otherNames: ['Айнур'],
    phone: null as string | null,
    occurredAt: new Date('2026-03-01T10:00:00.000Z'),
  };

  it('should keep only the fields whose value changes, in the order sent', () => {
    const diff = diffFields(current, {
      phone: '+994 50 000 00 00',
      fullName: 'Aynur Mammadova',
      otherNames: ['Айнур', 'Aynur'],
    });
    expect(diff.changedFields).toEqual(['phone', 'otherNames']);
    expect(diff.changes).toEqual({ phone: '+994 50 000 00 00', otherNames: ['Айнур', 'Aynur'] });
  });

  it('should skip fields not sent (undefined) but treat null as a value that clears', () => {
    const diff = diffFields({ ...current, phone: '1' }, { fullName: undefined, phone: null });
    expect(diff.changedFields).toEqual(['phone']);
    expect(diff.changes).toEqual({ phone: null });
  });

  it('should see no change when a date comes back as the same instant', () => {
    const diff = diffFields(current, { occurredAt: new Date('2026-03-01T10:00:00.000Z') });
    expect(diff.changedFields).toEqual([]);
    expect(diff.changes).toEqual({});
  });

  it('should see a moved instant', () => {
    const diff = diffFields(current, { occurredAt: new Date('2026-03-01T10:00:00.001Z') });
    expect(diff.changedFields).toEqual(['occurredAt']);
  });
});
