import type { z } from 'zod';

import { ValidationFailedError } from './errors';

/** Parses untrusted input with the entity's schema; services call this because CLI and import callers skip forms. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw ValidationFailedError.fromZod(result.error);
  return result.data;
}
