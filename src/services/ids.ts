import { NotFoundError } from './errors';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}

/** Ids come from URLs: one that cannot exist is "not found", never a database cast error. */
export function assertUuid(value: string, message: string): void {
  if (!isUuid(value)) throw new NotFoundError(message);
}
