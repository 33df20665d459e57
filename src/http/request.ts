import { z } from 'zod';

import type { FieldError } from '@/lib/types';
import { uuidSchema } from '@/lib/validation/common';
import { BadRequestError, NotFoundError, PayloadTooLargeError, ValidationFailedError } from '@/services/errors';

import { pathIdsOf } from './operations';

const JSON_CONTENT_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;

function fieldErrorsOf(error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: [...issue.path, key].join('.'), message: `Unknown field "${key}"; see GET /api/v1/openapi.json` }))
      : [{ path: issue.path.join('.') || '(body)', message: issue.message }],
  );
}

// Bounds on a body, checked before anything walks it: no field of any entity nests more than a few levels, and
// the largest (a 500-customer bulk move, a campaign's text) are far under the size.
export const MAX_BODY_BYTES = 1_048_576;
export const MAX_BODY_DEPTH = 32;

/**
 * The problems of a parsed value, found without recursion so that no shape can overflow the stack: too deep, or
 * text PostgreSQL cannot hold (it would fail in the database as a 500 instead of naming the field): U+0000, and a
 * lone UTF-16 surrogate ("\ud800" in JSON), which a jsonb column refuses.
 */
function valueErrors(root: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: root, path: [] }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) errors.push({ path: path.join('.') || '(body)', message: 'Text cannot contain the NUL character (\\u0000)' });
      else if (!value.isWellFormed()) errors.push({ path: path.join('.') || '(body)', message: 'Text cannot contain a lone surrogate (like \\ud800): send valid Unicode' });
    } else if (value && typeof value === 'object') {
      if (path.length >= MAX_BODY_DEPTH) {
        throw new ValidationFailedError(`The request nests deeper than ${MAX_BODY_DEPTH} levels`, [{ path: path.join('.'), message: `Nested deeper than ${MAX_BODY_DEPTH} levels; no field of this API nests that far` }]);
      }
      for (const [key, item] of Object.entries(value)) stack.push({ value: item, path: [...path, key] });
    }
  }
  return errors.reverse();
}

/** Throws a 422 naming each field PostgreSQL could not store, and refuses a value nested too deep. */
function assertStorable(value: unknown): void {
  const errors = valueErrors(value);
  if (errors.length) throw new ValidationFailedError('Some fields need attention', errors);
}

const TOO_LARGE = `The request body is larger than ${MAX_BODY_BYTES / 1_048_576} MiB`;

/** The body as text, read no further than MAX_BODY_BYTES: a larger one is a 413 before it fills memory. */
export async function readText(request: Request): Promise<string> {
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) throw new PayloadTooLargeError(TOO_LARGE);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    size += chunk.value.byteLength;
    if (size > MAX_BODY_BYTES) {
      // Not awaited: a clone's body is one branch of a tee, whose cancel settles only once the other branch is
      // cancelled too, and the request itself is never read when the clone (an Idempotency-Key's fingerprint) is too big.
      reader.cancel().catch(() => undefined);
      throw new PayloadTooLargeError(TOO_LARGE);
    }
    chunks.push(chunk.value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The request's JSON body; malformed JSON is a 400, not a 500. */
export async function readJson(request: Request): Promise<unknown> {
  const text = await readText(request);
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new BadRequestError('The request body is not valid JSON');
  }
}

/**
 * The query string as a plain object, for the zod list schemas to coerce: the last value of a repeated parameter,
 * or all of them as an array for the `repeatable` ones (?ids=a&ids=b).
 */
export function queryOf(request: Request, repeatable: readonly string[] = []): Record<string, string | string[]> {
  const params = new URL(request.url).searchParams;
  const query: Record<string, string | string[]> = Object.fromEntries(params);
  for (const key of repeatable) if (params.has(key)) query[key] = params.getAll(key);
  return query;
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
  assertStorable(body);
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
export function readQuery<S extends z.ZodType>(request: Request, schema: S, { repeatable = [] }: { repeatable?: readonly string[] } = {}): z.output<S> {
  const query = queryOf(request, repeatable);
  assertStorable(query);
  const result = schema.safeParse(query);
  if (!result.success) throw new ValidationFailedError('Some query parameters need attention', fieldErrorsOf(result.error));
  return result.data;
}

/** Every path id of the operation; anything that is not a UUID cannot name a record, so it is a 404 like an unknown id. */
export function checkPathIds(operation: string, params: unknown): void {
  for (const [name, record] of pathIdsOf(operation)) {
    const value = (params as Record<string, unknown>)[name];
    if (typeof value !== 'string' || !uuidSchema.safeParse(value).success) throw new NotFoundError(`No ${record} with this id`);
  }
}
