import type { ActionResult } from '@/lib/types';
import { DomainError } from '@/services/errors';

export type { ActionResult };

/** Runs a service call for a server action, turning domain errors into form state. */
export async function toActionResult<T>(run: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await run() };
  } catch (error) {
    return actionFailure(error);
  }
}

/** A thrown value as form state; unknown errors are logged once here and hidden from the form. */
export function actionFailure(error: unknown): ActionResult<never> {
  if (error instanceof DomainError) return { ok: false, message: error.message, fieldErrors: error.fieldErrors ?? [] };
  console.error('Unhandled error in server action', error);
  return { ok: false, message: 'Something went wrong on our side. Try again; if it persists, check the server log.', fieldErrors: [] };
}
