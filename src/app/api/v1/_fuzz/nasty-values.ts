// Values that no field of the API accepts, or that sit at the edge of what it accepts: wrong types, numbers beyond
// what JavaScript or PostgreSQL hold, huge text, NUL bytes, lone surrogates and other unusual unicode, deep nesting.
import fc from 'fast-check';

/** A JSON token written into the body text as is: what JSON.stringify cannot write (1e400 parses as Infinity). */
export class RawToken {
  constructor(readonly text: string) {}
}

const nested = (depth: number): unknown => {
  let value: unknown = 1;
  for (let level = 0; level < depth; level += 1) value = level % 2 ? [value] : { a: value };
  return value;
};

export const nastyText: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      '', ' ', '\u0000', 'a\u0000b', '\ud800', '\udfff', 'a\ud83d', '\u202eevil', '\ufeff', 'e\u0301', '🏳️‍🌈👨‍👩‍👧', '𝕏'.repeat(60), 'null', 'undefined',
      '0', '-1', '1e400', 'NaN', 'Infinity', "' or 1=1 --", '%00', '../../etc/passwd', '\\', '"', '\u0085\u2028\u2029', '\t\n\r', 'ǅ', 'ß'.repeat(300),
    ),
  },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 200_000 }).map((length) => 'ü'.repeat(length)) },
);

export const nastyNumber: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(0, -1, -0, 0.5, 1.5, -1e-7, 1e308, -1e308, 2 ** 31, 2 ** 53, 2 ** 53 + 2, 2 ** 64, -(2 ** 63), Number.MIN_VALUE),
  fc.constantFrom('1e400', '-1e400', '123456789012345678901234567890', '1E-400', '-0.0', '9007199254740993').map((text) => new RawToken(text)),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyText },
  { weight: 3, arbitrary: nastyNumber },
  { weight: 2, arbitrary: fc.constantFrom(null, true, false, [], {}, [null], { $ne: 1 }, JSON.parse('{"__proto__": {"isAdmin": true}}') as unknown) },
  { weight: 1, arbitrary: fc.integer({ min: 20, max: 60 }).map(nested) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** Query parameter text that the list schemas must refuse or read correctly. */
export const nastyQueryText: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      '', ' ', 'abc', '-1', '0', '1.5', '1e309', '1e-400', '99999999999999999999', '9007199254740993', '0x1F', '0b1', 'NaN', 'Infinity', 'null',
      'true', '[]', '{}', '2024-02-30', '2024-13-01', '2024-01-01T25:00:00Z', '0000-01-01', '-000001-01-01', '+275760-09-13T00:00:00.000Z',
      '+275760-09-14', '-271821-04-19T00:00:00.000Z', '9999-12-31T23:59:60Z', '1970-01-01T00:00:00+99:00', '20240101', '1', '5e3', ' 5 ', '%',
      'none', 'NONE', 'createdAt:sideways', 'name:asc ', 'pending,accepted',
    ),
  },
  { weight: 2, arbitrary: nastyText },
  { weight: 1, arbitrary: fc.integer({ min: -2_000_000, max: 2_000_000 }).map(String) },
);

/** A bare query string fragment appended to the generated one: malformed escapes, repeats, empty pairs. */
export const rawQuerySuffix: fc.Arbitrary<string> = fc.oneof(
  { weight: 10, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.constantFrom('%', '%zz', '%E0%A4%A', '&&', '=', '%00=%00', 'limit=1&limit=2', '__proto__=x', 'constructor=1', 'q=%F0%9F%92', 'sort=%ED%A0%80') },
);

/** Header text a client could send (Latin-1, as HTTP carries it), for Idempotency-Key and the like. */
export const headerText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code)), minLength: 1, maxLength: 60 }),
  fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).map((code) => String.fromCharCode(code)), maxLength: 300 }),
  fc.constantFrom('', 'x'.repeat(5_000)),
);

/** A path segment that cannot name a record, or names one in an unusual spelling. */
export const nastyId: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '', ' ', '\u0000', 'null', '0', '-1', '1e400', '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '..', 'a/b', '%2F',
    '{00000000-0000-4000-8000-000000000000}', '00000000-0000-4000-8000-000000000000 ', '00000000000040008000000000000000', 'x'.repeat(5_000),
  ),
  fc.uuid().map((id) => id.toUpperCase()),
  fc.string({ unit: 'binary', maxLength: 40 }),
);
