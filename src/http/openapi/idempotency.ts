import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAYED_HEADER } from '@/http/headers';
import { IDEMPOTENCY_KEY_TTL_HOURS } from '@/services/idempotency';

import { ref } from './operations';

// The methods http/idempotency.ts honours a key on.
const KEYED_METHODS = ['post', 'put', 'patch'] as const;

export const IDEMPOTENCY_DESCRIPTION =
  `Every POST, PUT and PATCH accepts an \`${IDEMPOTENCY_KEY_HEADER}\` header (the IETF draft; 1 to 255 printable ASCII characters, a UUID say) that makes a retry safe. ` +
  `The first request with a key runs; the same request again with the key (same method, path and JSON body) gets the first answer (status, body, \`Location\`) ` +
  `with \`${IDEMPOTENT_REPLAYED_HEADER}: true\` and changes nothing more, a refusal (4xx) included. The key with another request is a 422; ` +
  `while the first request still runs, a 409. Keys belong to the caller (API key, staff member or store customer) and are kept ${IDEMPOTENCY_KEY_TTL_HOURS} hours; ` +
  'an error on our side (5xx) is not kept, so its retry runs again.';

const keyParameter = {
  name: IDEMPOTENCY_KEY_HEADER,
  in: 'header',
  required: false,
  description: `Makes a retry safe: the same request again with this key answers the first answer instead of acting twice (kept ${IDEMPOTENCY_KEY_TTL_HOURS} hours, per caller)`,
  schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x20-\\x7E]+$' },
};

const replayedHeader = { description: 'On an answer replayed for a repeated `Idempotency-Key`', schema: { type: 'string', enum: ['true'] } };

type Response = { $ref?: string; headers?: Record<string, unknown>; [field: string]: unknown };
type Operation = { parameters?: { name?: string; in?: string }[]; responses: Record<string, Response> };

/**
 * Writes the Idempotency-Key header into every POST, PUT and PATCH, the `Idempotent-Replayed` header into its
 * answers, and the 400, 409 and 422 the key can bring, in one place rather than path by path.
 */
export function withIdempotencyKeys<T extends Record<string, Partial<Record<string, unknown>>>>(paths: T): T {
  for (const item of Object.values(paths)) {
    for (const method of KEYED_METHODS) {
      const operation = item[method] as Operation | undefined;
      if (!operation) continue;
      const parameters = (operation.parameters ?? []).filter((p) => !(p.in === 'header' && p.name === IDEMPOTENCY_KEY_HEADER));
      operation.parameters = [...parameters, keyParameter];
      for (const [status, response] of Object.entries(operation.responses)) {
        if (/^2\d\d$/.test(status) && !response.$ref) operation.responses[status] = { ...response, headers: { ...response.headers, [IDEMPOTENT_REPLAYED_HEADER]: replayedHeader } };
      }
      operation.responses['400'] ??= ref('responses', 'BadRequest');
      operation.responses['409'] ??= ref('responses', 'Conflict');
      operation.responses['422'] ??= ref('responses', 'ValidationFailed');
    }
  }
  return paths;
}
