'use client';

import { useRouter } from 'next/navigation';
import * as React from 'react';
import type { FieldValues, UseFormGetValues, UseFormSetError } from 'react-hook-form';

import type { ActionResult } from '@/lib/types';

import type { ServerFailure } from './server-errors';
import { useIdempotentSubmit } from './use-idempotent-submit';
import { useServerErrors, type ServerErrorFields } from './use-server-errors';

/**
 * A create or edit form that opens the saved record's page: `saveThenOpen` runs the action and, once saved, stays
 * busy until the page changes, so a second click cannot save twice; a refusal lands on the fields (useServerErrors),
 * unless `handleRefusal` takes it first (a stale version, say) and answers true. `save` gets the submit's idempotency
 * key (useIdempotentSubmit), which a create passes to its action so that a retry of the same values saves once.
 */
export function useSaveThenOpen<Values extends FieldValues>(
  form: { setError: UseFormSetError<Values>; getValues: UseFormGetValues<Values>; formState: { isSubmitting: boolean } },
  fields: ServerErrorFields<Values>,
) {
  const router = useRouter();
  const [isSaved, setIsSaved] = React.useState(false);
  const { formError, clearFormError, showServerErrors } = useServerErrors(form, fields);
  const submitOnce = useIdempotentSubmit();

  async function saveThenOpen(
    save: (idempotencyKey: string) => Promise<ActionResult<{ id: string }>>,
    pathOf: (id: string) => string,
    handleRefusal?: (failure: ServerFailure) => boolean,
  ) {
    clearFormError();
    const result = await submitOnce(form.getValues(), save);
    if (result.ok) {
      setIsSaved(true);
      router.push(pathOf(result.data.id));
      return;
    }
    if (!handleRefusal?.(result)) showServerErrors(result);
  }

  return { formError, isBusy: form.formState.isSubmitting || isSaved, saveThenOpen };
}
