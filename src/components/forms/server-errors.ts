import type { FieldError } from '@/lib/types';

/** Where one server error shows: the form field to mark, and its place on the page (the lowest gets focus). */
export interface ErrorPlace<Name extends string> {
  name: Name;
  rank: number;
}

/** Finds the field a server error's path belongs to, or null when the form has no field for it. */
export type PlaceError<Name extends string> = (path: string) => ErrorPlace<Name> | null;

/** What a refused action answered a form (the `ok: false` side of ActionResult). */
export interface ServerFailure {
  message: string;
  fieldErrors: FieldError[];
}

/**
 * Places paths on `fields`, listed in page order: a path goes on the field it names or lies inside (`tags.3` on
 * `tags`, `vip.minOrders` on `vip.minOrders`); the longest match wins.
 */
export function onFields<Name extends string>(fields: readonly Name[]): PlaceError<Name> {
  return (path) => {
    let rank = -1;
    fields.forEach((field, index) => {
      if ((path === field || path.startsWith(`${field}.`)) && (rank < 0 || field.length > fields[rank].length)) rank = index;
    });
    return rank < 0 ? null : { name: fields[rank], rank };
  };
}

/**
 * Splits a refusal into errors for the fields, in page order (so focusing the first focuses the topmost), and the
 * message for the whole form: the errors no field can show, or the refusal's own message when there is no error
 * for a field at all. Null when every error has its field, so nothing is said twice.
 */
export function splitServerErrors<Name extends string>(
  failure: ServerFailure,
  place: PlaceError<Name>,
): { placed: { name: Name; message: string }[]; formMessage: string | null } {
  const placed: (ErrorPlace<Name> & { message: string })[] = [];
  const unplaced: string[] = [];
  for (const error of failure.fieldErrors) {
    const found = place(error.path);
    if (found) placed.push({ ...found, message: error.message });
    else unplaced.push(error.message);
  }
  placed.sort((a, b) => a.rank - b.rank);
  const formMessage = unplaced.length > 0 ? unplaced.join(' ') : placed.length === 0 ? failure.message : null;
  return { placed: placed.map(({ name, message }) => ({ name, message })), formMessage };
}

/**
 * For forms without react-hook-form (plain FormData, useActionState): the same split, as one message per field
 * (the first on the page first) and the form's message. Empty for no refusal.
 */
export function errorsByField<Name extends string>(
  failure: ServerFailure | null | undefined,
  fields: readonly Name[],
): { byField: Partial<Record<Name, string>>; firstField: Name | null; formMessage: string | null } {
  if (!failure) return { byField: {}, firstField: null, formMessage: null };
  const { placed, formMessage } = splitServerErrors(failure, onFields(fields));
  const byField: Partial<Record<Name, string>> = {};
  for (const error of placed) byField[error.name] ??= error.message;
  return { byField, firstField: placed[0]?.name ?? null, formMessage };
}
