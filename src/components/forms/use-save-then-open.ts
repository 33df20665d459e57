'use client';

import { useRouter } from 'next/navigation';
import * as React from 'react';
import type { FieldValues, UseFormSetError } from 'react-hook-form';

import type { ActionResult } from '@/lib/types';

import type { ServerFailure } from './server-errors';
import { useServerErrors, type ServerErrorFields } from './use-server-errors';

/**
 * A create or edit form that opens the saved record's page: `saveThenOpen` runs the action and, once saved, stays
 * busy until the page changes, so a second click cannot save twice; a refusal lands on the fields (useServerErrors),
 * unless `handleRefusal` takes it first (a stale version, say) and answers true.
 */
export function useSaveThenOpen<Values extends FieldValues>(
  form: { setError: UseFormSetError<Values>; formState: { isSubmitting: boolean } },
  fields: ServerErrorFields<Values>,
) {
  const router = useRouter();
  const [isSaved, setIsSaved] = React.useState(false);
  const { formError, clearFormError, showServerErrors } = useServerErrors(form, fields);

  async function saveThenOpen(save: () => Promise<ActionResult<{ id: string }>>, pathOf: (id: string) => string, handleRefusal?: (failure: ServerFailure) => boolean) {
    clearFormError();
    const result = await save();
    if (result.ok) {
      setIsSaved(true);
      router.push(pathOf(result.data.id));
      return;
    }
    if (!handleRefusal?.(result)) showServerErrors(result);
  }

  return { formError, isBusy: form.formState.isSubmitting || isSaved, saveThenOpen };
}
