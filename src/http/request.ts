import { z } from 'zod';

import { queryOf, readJson } from '@/http/api-route';
import type { FieldError } from '@/lib/types';
import { uuidSchema } from '@/lib/validation/common';
import { BadRequestError, NotFoundError, ValidationFailedError } from '@/services/errors';

const JSON_CONTENT_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;

function fieldErrorsOf(error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: [...issue.path, key].join('.'), message: `Unknown field "${key}"; see GET /api/v1/openapi.json` }))
      : [{ path: issue.path.join('.') || '(body)', message: issue.message }],
  );
}

// PostgreSQL text cannot hold U+0000, so such a value would fail in the database as a 500 instead of naming the field.
function nulErrors(value: unknown, path: (string | number)[] = []): FieldError[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [{ path: path.join('.') || '(body)', message: 'Text cannot contain the NUL character (\\u0000)' }] : [];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => nulErrors(item, [...path, key]));
  return [];
}

function assertNoNul(value: unknown): void {
  const errors = nulErrors(value);
  if (errors.length) throw new ValidationFailedError('Some fields need attention', errors);
}

/**
 * The JSON body, checked against the entity's shared schema with unknown fields refused, so that a misspelt
 * field is a 422 naming it rather than silently dropped. Returns the body as sent: the service parses it again.
 */
export async function readBody<S extends z.ZodObject>(request: Request, schema: S): Promise<z.input<S>> {
  // Form and text/plain bodies are refused: besides being a client mistake, they are what a cross-site form can send.
  const contentType = request.headers.get('content-type');
  if (contentType && !JSON_CONTENT_TYPE.test(contentType)) {
    throw new BadRequestError(`Send the body as JSON with "content-type: application/json" (got "${contentType.slice(0, 100)}")`);
  }
  const body = await readJson(request);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ValidationFailedError('The request body must be a JSON object', [{ path: '(body)', message: 'Send a JSON object, like {"firstName": "Ada"}' }]);
  }
  assertNoNul(body);
  const result = schema.strict().safeParse(body);
  if (!result.success) throw new ValidationFailedError('Some fields need attention', fieldErrorsOf(result.error));
  return body as z.input<S>;
}

// An action that takes no input still refuses form and text bodies (what a cross-site form can send) and stray fields.
const NO_FIELDS = z.object({});

/** For POST actions without input: the body must be empty or `{}`. */
export async function readNoBody(request: Request): Promise<void> {
  await readBody(request, NO_FIELDS);
}

/** The query string parsed with a shared list schema; invalid parameters are a 422 naming each one. */
export function readQuery<S extends z.ZodType>(request: Request, schema: S): z.output<S> {
  const query = queryOf(request);
  assertNoNul(query);
  const result = schema.safeParse(query);
  if (!result.success) throw new ValidationFailedError('Some query parameters need attention', fieldErrorsOf(result.error));
  return result.data;
}

/** A path id; anything that is not a UUID cannot name a record, so it is a 404 like an unknown id. */
export function pathId(value: string, what: 'customer' | 'address' | 'order' | 'customer group' | 'discount'): string {
  if (!uuidSchema.safeParse(value).success) throw new NotFoundError(`No ${what} with this id`);
  return value;
}
