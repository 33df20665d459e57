// One keyset-cursor codec for every list. A cursor is client input that ends up in a SQL comparison, so each key is
// checked against what its PostgreSQL column accepts: a key PostgreSQL cannot cast must be a 422 naming `cursor`,
// never a query error (500).
//
// Wire format: base64url of the JSON {"l": <list>, "k": [<key>, ...]}. `l` names the list and, where it has several,
// the sort, so a cursor of another sort is refused rather than misread. Keys are JSON numbers (int, bigint, money),
// ISO 8601 strings as Date#toISOString writes them (timestamp), strings (text, uuid) or null (nullable keys).
// Only the exact text `encode` writes is accepted: a decoded cursor re-encodes to itself.
import { ValidationFailedError } from './errors';
import { isUuid } from './ids';

export type KeyKind = 'int' | 'bigint' | 'money' | 'timestamp' | 'text' | 'uuid';

/** One key column of a list's order: its kind, and whether it can be null. */
export interface KeyColumn {
  kind: KeyKind;
  nullable?: boolean;
}

interface ValueOfKind {
  int: number;
  bigint: number;
  /** Integer minor units, as stored in a bigint column. */
  money: number;
  timestamp: Date;
  text: string;
  uuid: string;
}

// Null only where a column may be null: `nullable: true`, or a column whose nullability is not known statically.
type KeyValue<C extends KeyColumn> = ValueOfKind[C['kind']] | (C extends { kind: KeyKind; nullable?: false } ? never : null);

/** The decoded keys of a cursor, one per key column, in order. */
export type KeyValues<Cs extends readonly KeyColumn[]> = { -readonly [I in keyof Cs]: KeyValue<Cs[I]> };

export interface KeysetCursor<Cs extends readonly KeyColumn[]> {
  /** The cursor after a row with these keys. Throws Error on a key out of its column's range (a bug, not input). */
  encode(keys: KeyValues<Cs>): string;
  /** The keys of a cursor `encode` wrote for this list. Throws ValidationFailedError naming `cursor`. */
  decode(cursor: string): KeyValues<Cs>;
}

// PostgreSQL's int4, and the integers a JS number holds exactly (bigint columns are read in number mode).
const INT4_MIN = -2_147_483_648;
const INT4_MAX = 2_147_483_647;
// Longer than any list's cursor parameter may be; decoding stops here before any work.
const CURSOR_MAX_LENGTH = 2000;

const BASE64URL = /^[A-Za-z0-9_-]*$/;
// Date#toISOString for years 0001-9999; year 0000 is JavaScript's 1 BC, which PostgreSQL's input refuses.
const ISO_TIMESTAMP = /^(\d{4})-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function invalidCursor(reason = 'it is not a cursor of this list'): ValidationFailedError {
  return new ValidationFailedError('Invalid cursor', [
    { path: 'cursor', message: `Use the nextCursor value of the previous page as it was (${reason})` },
  ]);
}

/** Why a wire value is no key of this column, or null when it is one. */
function refusal(column: KeyColumn, value: unknown): string | null {
  if (value === null) return column.nullable ? null : 'a key is missing';
  switch (column.kind) {
    case 'int':
      return Number.isInteger(value) && (value as number) >= INT4_MIN && (value as number) <= INT4_MAX ? null : 'a key is not a 32-bit integer';
    case 'bigint':
    case 'money':
      return Number.isSafeInteger(value) ? null : 'a key is not a whole number in range';
    case 'timestamp':
      return typeof value === 'string' && isIsoTimestamp(value) ? null : 'a key is not a timestamp of years 0001-9999';
    case 'text':
      return typeof value === 'string' && isStorableText(value) ? null : 'a key is not text';
    case 'uuid':
      return typeof value === 'string' && isUuid(value) ? null : 'a key is not a uuid';
  }
}

// A real calendar date and time: 2024-02-30 or 24:00 would come back from Date as another day.
function isIsoTimestamp(text: string): boolean {
  const match = ISO_TIMESTAMP.exec(text);
  if (!match || match[1] === '0000') return false;
  const date = new Date(text);
  return !Number.isNaN(date.getTime()) && date.toISOString() === text;
}

// PostgreSQL text holds no NUL, and a lone surrogate would not survive UTF-8 (it would compare as U+FFFD).
function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && Buffer.from(text, 'utf8').toString('utf8') === text;
}

function toWire(column: KeyColumn, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (column.kind === 'timestamp') return value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString() : value;
  return value;
}

function fromWire(column: KeyColumn, value: unknown): unknown {
  return column.kind === 'timestamp' && value !== null ? new Date(value as string) : value;
}

/** The codec of one list: `list` names it (and its sort), `columns` are its key columns in ORDER BY order. */
export function keysetCursor<const Cs extends readonly KeyColumn[]>(list: string, columns: Cs): KeysetCursor<Cs> {
  const encode = (keys: KeyValues<Cs>): string => {
    const values = columns.map((column, i) => toWire(column, (keys as unknown[])[i]));
    const bad = columns.findIndex((column, i) => refusal(column, values[i]) !== null);
    if (keys.length !== columns.length || bad !== -1) throw new Error(`Cannot encode a ${list} cursor: key ${bad} is ${String(values[bad])}`);
    return Buffer.from(JSON.stringify({ l: list, k: values }), 'utf8').toString('base64url');
  };

  const decode = (cursor: string): KeyValues<Cs> => {
    if (typeof cursor !== 'string' || cursor.length > CURSOR_MAX_LENGTH || !BASE64URL.test(cursor)) throw invalidCursor();
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    } catch {
      throw invalidCursor();
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalidCursor();
    const { l, k, ...rest } = parsed as { l?: unknown; k?: unknown };
    if (typeof l !== 'string' || !Array.isArray(k) || Object.keys(rest).length > 0) throw invalidCursor();
    if (l !== list) throw invalidCursor('it belongs to another list or sort; start again without a cursor');
    if (k.length !== columns.length) throw invalidCursor();
    for (const [i, column] of columns.entries()) {
      const reason = refusal(column, k[i]);
      if (reason) throw invalidCursor(reason);
    }
    const keys = columns.map((column, i) => fromWire(column, k[i])) as KeyValues<Cs>;
    // Spacing, key order, -0, 1.0, "\u0041", padding bits: one position has one cursor.
    if (encode(keys) !== cursor) throw invalidCursor();
    return keys;
  };

  return { encode, decode };
}
