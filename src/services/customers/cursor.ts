import { ValidationFailedError } from '../errors';
import { isUuid } from '../ids';

export function invalidCursor(): ValidationFailedError {
  return new ValidationFailedError('Invalid cursor', [{ path: 'cursor', message: 'Use the nextCursor value of the previous page as it was' }]);
}

/** A keyset position: the sort it belongs to, the sort key as PostgreSQL text, and the id that breaks ties. */
export interface CustomerCursor {
  sort: string;
  key: string;
  id: string;
}

export function encodeCursor(cursor: CustomerCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.key, cursor.id])).toString('base64url');
}

export function decodeCursor(value: string, sort: string, isValidKey: (key: string) => boolean): CustomerCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || !parsed.every((part) => typeof part === 'string')) throw invalidCursor();
  const [cursorSort, key, id] = parsed as [string, string, string];
  if (!isUuid(id) || !isValidKey(key)) throw invalidCursor();
  if (cursorSort !== sort) {
    throw new ValidationFailedError('Cursor belongs to another sort', [
      { path: 'cursor', message: `This cursor was made for sort ${cursorSort}; start again without a cursor` },
    ]);
  }
  return { sort, key, id };
}
