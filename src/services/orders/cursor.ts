import { invalidCursor } from '../customers/cursor';
import { isUuid } from '../ids';

/** Order pages are keyed by (placedAt, id), newest first. */
export function encodeOrderCursor(last: { placedAt: string; id: string }): string {
  return Buffer.from(`${last.placedAt}|${last.id}`).toString('base64url');
}

export function decodeOrderCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const date = new Date(at ?? '');
  const year = date.getUTCFullYear();
  if (Number.isNaN(date.getTime()) || year < 1900 || year > 9999 || !id || !isUuid(id)) throw invalidCursor();
  return { at: date, id };
}
