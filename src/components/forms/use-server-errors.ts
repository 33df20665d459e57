'use client';

import * as React from 'react';
import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';

import { onFields, splitServerErrors, type PlaceError, type ServerFailure } from './server-errors';

/** A field of the form, or a `root.*` error (a list as a whole) that react-hook-form keeps beside the fields. */
type ErrorTarget<Values extends FieldValues> = FieldPath<Values> | `root.${string}`;

/** The form's fields in page order, or a function that places a path itself (item lines, `root.*`). */
export type ServerErrorFields<Values extends FieldValues> = readonly ErrorTarget<Values>[] | PlaceError<ErrorTarget<Values>>;

/**
 * Shows a refusal on a react-hook-form form: each field error on its field, the first on the page focused. Returns
 * the message for the whole form (what no field can show), or null. Forms with their own notice call this; the
 * others use `useServerErrors`.
 */
export function applyServerErrors<Values extends FieldValues>(
  form: { setError: UseFormSetError<Values> },
  failure: ServerFailure,
  fields: ServerErrorFields<Values>,
): string | null {
  const { placed, formMessage } = splitServerErrors(failure, typeof fields === 'function' ? fields : onFields(fields));
  placed.forEach((error, index) => form.setError(error.name, { type: 'server', message: error.message }, { shouldFocus: index === 0 }));
  return formMessage;
}

/** A form's server errors: `showServerErrors(failure)` marks the fields and keeps the rest in `formError`. */
export function useServerErrors<Values extends FieldValues>(form: { setError: UseFormSetError<Values> }, fields: ServerErrorFields<Values>) {
  const [formError, setFormError] = React.useState<string | null>(null);
  return {
    formError,
    /** Before each submit, so an old message does not stand beside a new answer. */
    clearFormError: () => setFormError(null),
    showServerErrors: (failure: ServerFailure) => setFormError(applyServerErrors(form, failure, fields)),
  };
}
