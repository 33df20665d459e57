import type { Actor } from '@/lib/types';
import { BadRequestError, DomainError } from '@/services/errors';
import { IDEMPOTENCY_KEY_PATTERN, idempotencyScope, requestFingerprint, runIdempotently, type StoredResponse } from '@/services/idempotency';

import { actionFailure, toActionResult, type ActionResult } from './action-result';
import { statusOfError } from './problem';

interface IdempotentActionOptions {
  actor: Pick<Actor, 'type' | 'id'>;
  /** The action's name: with `input` it is what the key stands for. */
  action: string;
  /** The form's key for this submit; without one the action just runs. */
  key: string | null | undefined;
  /** Everything the action was asked (ids and values). */
  input: unknown;
}

const stored = (status: number, result: ActionResult<unknown>): StoredResponse => ({ status, headers: {}, body: JSON.stringify(result) });

/**
 * toActionResult for a form submit that carries an idempotency key, the same mechanism as the REST API's
 * Idempotency-Key (services/idempotency.ts): the first submit with the key runs and its result, a refusal included, is
 * kept a day; a repeat (a double click, a retry after a timeout) gets that result without running again; the key with
 * other values is refused, and one while the first still runs answers "still running". A failure on our side is not
 * kept, so a retry runs. Results must be plain JSON (they are stored as such).
 */
export async function toIdempotentActionResult<T>({ actor, action, key, input }: IdempotentActionOptions, run: () => Promise<T>): Promise<ActionResult<T>> {
  if (key == null) return toActionResult(run);
  try {
    if (typeof key !== 'string' || !IDEMPOTENCY_KEY_PATTERN.test(key)) throw new BadRequestError('The idempotency key must be 1 to 255 printable ASCII characters');
    const { response } = await runIdempotently({
      scope: idempotencyScope(actor),
      key,
      fingerprint: requestFingerprint(`action ${action}`, input),
      run: async () => {
        try {
          return stored(200, { ok: true, data: await run() });
        } catch (error) {
          if (error instanceof DomainError) return stored(statusOfError(error), actionFailure(error));
          throw error;
        }
      },
    });
    return JSON.parse(response.body) as ActionResult<T>;
  } catch (error) {
    return actionFailure(error);
  }
}
