import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { ValidationFailedError } from './errors';
import { keysetCursor, type KeyColumn } from './keyset-cursor';

const ID = '0b7e3c1e-5a4f-4d6e-9f8a-2c3b4d5e6f70';
const wire = (body: unknown) => Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)).toString('base64url');

/** The field a refused decode names, 'accepted' when it decodes, 'other error' for anything else thrown. */
function refusedField(decode: () => unknown): string {
  try {
    decode();
    return 'accepted';
  } catch (error) {
    return error instanceof ValidationFailedError ? (error.fieldErrors?.map((e) => e.path).join() ?? '') : 'other error';
  }
}

const KINDS: Record<string, { column: KeyColumn; value: unknown; bad: [string, unknown][] }> = {
  int: {
    column: { kind: 'int' },
    value: 2_147_483_647,
    bad: [['above int4', 2_147_483_648], ['below int4', -2_147_483_649], ['a fraction', 1.5], ['a string', '12'], ['null', null]],
  },
  bigint: {
    column: { kind: 'bigint' },
    value: Number.MAX_SAFE_INTEGER,
    bad: [['above the safe range', 2 ** 53], ['1e300', 1e300], ['a string', '9007199254740993'], ['a fraction', 0.1]],
  },
  money: { column: { kind: 'money' }, value: -1250, bad: [['a decimal amount', 12.5], ['above the safe range', -(2 ** 60)]] },
  timestamp: {
    column: { kind: 'timestamp' },
    value: new Date('0001-01-01T00:00:00.000Z'),
    bad: [
      ['February 30', '2024-02-30T10:00:00.000Z'],
      ['PostgreSQL text', '2024-02-03 10:00:00+00'],
      ['year 0000', '0000-06-01T00:00:00.000Z'],
      ['year 10000', '+010000-01-01T00:00:00.000Z'],
      ['a year before 1', '-000001-01-01T00:00:00.000Z'],
      ['hour 24', '2024-01-01T24:00:00.000Z'],
      ['what Date.parse takes: "1"', '1'],
      ['what Date.parse takes: "March 7"', 'March 7'],
      ['no milliseconds', '2024-01-01T00:00:00Z'],
      ['an offset', '2024-01-01T00:00:00.000+01:00'],
      ['a number', 1_700_000_000_000],
    ],
  },
  text: { column: { kind: 'text' }, value: 'ada lovelace ☃ 🦄', bad: [['a NUL', 'a\u0000b'], ['a lone surrogate', 'a\ud800'], ['a number', 7]] },
  uuid: { column: { kind: 'uuid' }, value: ID, bad: [['not a uuid', 'not-a-uuid'], ['a uuid with braces', `{${ID}}`], ['a number', 1]] },
};

describe('keysetCursor', () => {
  describe.each(Object.entries(KINDS))('a %s key', (kind, { column, value, bad }) => {
    const codec = keysetCursor(`test ${kind}`, [column, { kind: 'uuid' }] as const);

    it('round-trips', () => {
      const cursor = codec.encode([value, ID] as never);
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(codec.decode(cursor)).toEqual([value, ID]);
    });

    it.each(bad)('refuses %s, naming cursor', (_, key) => {
      expect(refusedField(() => codec.decode(wire({ l: `test ${kind}`, k: [key, ID] })))).toBe('cursor');
    });
  });

  it('decodes null for a nullable key only', () => {
    const nullable = keysetCursor('n', [{ kind: 'timestamp', nullable: true }, { kind: 'uuid' }] as const);
    expect(nullable.decode(nullable.encode([null, ID]))).toEqual([null, ID]);
    const required = keysetCursor('n', [{ kind: 'timestamp' }, { kind: 'uuid' }] as const);
    expect(refusedField(() => required.decode(nullable.encode([null, ID])))).toBe('cursor');
  });

  it('refuses a cursor of another list or sort', () => {
    const byName = keysetCursor('customers name:asc', [{ kind: 'text' }, { kind: 'uuid' }] as const);
    const byEmail = keysetCursor('customers email:asc', [{ kind: 'text' }, { kind: 'uuid' }] as const);
    expect(refusedField(() => byEmail.decode(byName.encode(['ada', ID])))).toBe('cursor');
  });

  it.each([
    ['not base64url', 'a+b/c='],
    ['not JSON', wire('{"l":')],
    ['an array', wire(['customers', 1, ID])],
    ['too few keys', wire({ l: 't', k: [1] })],
    ['too many keys', wire({ l: 't', k: [1, ID, 2] })],
    ['an extra field', wire({ l: 't', k: [1, ID], x: 1 })],
    ['spacing', wire(`{"l":"t", "k":[1,"${ID}"]}`)],
    ['fields out of order', wire({ k: [1, ID], l: 't' })],
    ['-0', wire(`{"l":"t","k":[-0,"${ID}"]}`)],
    ['1.0', wire(`{"l":"t","k":[1.0,"${ID}"]}`)],
    ['very long', 'A'.repeat(5000)],
    ['empty', ''],
  ])('refuses %s, naming cursor', (_, cursor) => {
    const codec = keysetCursor('t', [{ kind: 'int' }, { kind: 'uuid' }] as const);
    expect(refusedField(() => codec.decode(cursor))).toBe('cursor');
  });

  it('will not encode a key its column cannot hold', () => {
    const codec = keysetCursor('t', [{ kind: 'timestamp' }, { kind: 'uuid' }] as const);
    expect(() => codec.encode([new Date('+010000-01-01T00:00:00.000Z'), ID])).toThrow(Error);
    expect(() => codec.encode([new Date(Number.NaN), ID])).toThrow(Error);
  });

  const codecs = Object.entries(KINDS).map(([kind, { column }]) => keysetCursor(`p ${kind}`, [{ ...column, nullable: true }, { kind: 'uuid' }] as const));
  const anyCodec = fc.constantFrom(...codecs);
  // Cursors near the real thing: valid JSON of the right shape with keys of any JSON type, or bytes of it mangled.
  const anyKey = fc.oneof(
    fc.integer(),
    fc.double(),
    fc.string(),
    fc.constant(null),
    fc.date({ min: new Date(-70_000_000_000_000), max: new Date(300_000_000_000_000), noInvalidDate: true }).map((d) => d.toISOString()),
    fc.uuid(),
    fc.constantFrom(2 ** 31, 2 ** 53, '2024-02-30T10:00:00.000Z', '0000-01-01T00:00:00.000Z', '1', 'March 7'),
  );
  const nearCursor = fc.oneof(
    fc.tuple(fc.constantFrom(...Object.keys(KINDS).map((kind) => `p ${kind}`)), anyKey, fc.oneof(fc.uuid(), fc.string())).map(([l, key, id]) => wire({ l, k: [key, id] })),
    fc.string(),
    fc.base64String().map((s) => s.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')),
  );

  it('re-encodes any cursor it decodes to the same text (property)', () => {
    fc.assert(
      fc.property(anyCodec, nearCursor, (codec, cursor) => {
        let keys;
        try {
          keys = codec.decode(cursor);
        } catch {
          return;
        }
        expect(codec.encode(keys)).toBe(cursor);
      }),
      { numRuns: 2000 },
    );
  });

  it('decodes any string to in-range keys or refuses it with ValidationFailedError naming cursor (property)', () => {
    fc.assert(
      fc.property(anyCodec, fc.oneof(nearCursor, fc.string({ unit: 'binary' })), (codec, cursor) => {
        const field = refusedField(() => codec.decode(cursor));
        expect(['accepted', 'cursor']).toContain(field);
        if (field === 'accepted') {
          const [key, id] = codec.decode(cursor);
          expect(id).toMatch(/^[0-9a-f-]{36}$/i);
          if (typeof key === 'number') expect(Number.isSafeInteger(key)).toBe(true);
          if (key instanceof Date) expect(key.getUTCFullYear()).toBeGreaterThanOrEqual(1);
          if (key instanceof Date) expect(key.getUTCFullYear()).toBeLessThanOrEqual(9999);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
