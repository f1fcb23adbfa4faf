import { IsArray, IsString, validateSync } from 'class-validator';
import { NullableField, OptionalField, RequiresEntriesAcross } from './optional.decorators';

class Sample {
  @OptionalField() @IsString() name?: string;
  @NullableField() @IsString() note?: string | null;
}

class Household {
  @RequiresEntriesAcross(['people', 'pets'], 'a household needs someone') @IsArray() people?: unknown[];
  @OptionalField() @IsArray() pets?: unknown[];
}

const failing = (object: object): string[] => validateSync(object).map((error) => error.property);
const make = <T extends object>(type: new () => T, values: Partial<T>): T =>
  Object.assign(new type(), values);

describe('OptionalField and NullableField', () => {
  it('should let an optional field be left out but validate null like any wrong value', () => {
    expect(failing(make(Sample, {}))).toEqual([]);
    expect(failing(make(Sample, { name: null as unknown as string }))).toEqual(['name']);
  });

  it('should let a nullable field be null (it clears it) and still validate other values', () => {
    expect(failing(make(Sample, { note: null }))).toEqual([]);
    expect(failing(make(Sample, { note: 5 as unknown as string }))).toEqual(['note']);
  });
});

describe(RequiresEntriesAcross.name, () => {
  it('should refuse a record with no entry in any of the lists', () => {
    for (const values of [{}, { people: [] }, { people: [], pets: [] }, { pets: [] }]) {
      expect({ values, failing: failing(make(Household, values)) }).toEqual({ values, failing: ['people'] });
    }
  });

  it('should accept one entry in any of the lists', () => {
    expect(failing(make(Household, { people: ['Aysel'] }))).toEqual([]);
    expect(failing(make(Household, { pets: ['cat'] }))).toEqual([]);
    expect(failing(make(Household, { people: [], pets: ['cat'] }))).toEqual([]);
  });
});
