// A list's URL is its state: each list names its parameters (filters, sort, paging) and its path, and these read,
// write and change them the same way for every list. Pure, so the server page and the client controls agree.
import type { z } from 'zod';

import type { FieldError } from '@/lib/types';

import { PAGING_KEYS } from './keyset-paging';

/** A list's URL parameters as typed: each a non-blank string, or absent. */
export type UrlParams<K extends string> = Partial<Record<K, string>>;

export type SearchParamsLike = Record<string, string | string[] | undefined> | URLSearchParams;

/** The known, non-blank parameters (trimmed; the first of a repeated one). */
export function readUrlParams<K extends string>(keys: readonly K[], searchParams: SearchParamsLike): UrlParams<K> {
  const params: UrlParams<K> = {};
  for (const key of keys) {
    const raw = searchParams instanceof URLSearchParams ? searchParams.get(key) : searchParams[key];
    const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
    if (value) params[key] = value;
  }
  return params;
}

/** The list URL for these parameters, in the order of `keys`, leaving out empty ones. */
export function urlOf<K extends string>(path: string, keys: readonly K[], params: UrlParams<K>): string {
  const search = new URLSearchParams();
  for (const key of keys) {
    const value = params[key];
    if (value) search.set(key, value);
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * Changes the query (filters, search or sort) and starts again at the first page: a keyset cursor belongs to one
 * sort and filter set. A blank value in the patch removes its parameter.
 */
export function withChangedQuery<P extends Record<string, string | undefined>>(params: P, patch: Partial<P>): P {
  const next: Record<string, string | undefined> = { ...params, ...patch };
  for (const key of PAGING_KEYS) delete next[key];
  for (const key of Object.keys(patch)) if (!next[key]) delete next[key];
  return next as P;
}

/**
 * The filters' values for the service: each as typed in the URL, or through its reader where the URL holds it in
 * another form (an amount in major units, a day). A reader reports what it cannot read and answers undefined.
 */
export function readFilters<K extends string, V>(keys: readonly K[], params: UrlParams<K>, readers: Partial<Record<K, (value: string) => V | undefined>>) {
  return Object.fromEntries(
    keys.map((key) => {
      const value = params[key];
      const read = readers[key];
      return [key, value && read ? read(value) : value];
    }),
  ) as Partial<Record<K, string | V>>;
}

/**
 * Readers (see readFilters) for a from–until pair of days typed as yyyy-mm-dd, into ISO times that include both days
 * (UTC). A value that is not a day, by the list's `isDay`, is reported on its parameter.
 */
export function dayRangeReaders<F extends string, U extends string>(from: F, until: U, errors: FieldError[], isDay: (value: string) => boolean) {
  const day = (key: string, time: string) => (value: string) => {
    if (!isDay(value)) {
      errors.push({ path: key, message: 'Use a date like 2024-05-31' });
      return undefined;
    }
    return `${value}T${time}Z`;
  };
  return { [from]: day(from, '00:00:00.000'), [until]: day(until, '23:59:59.999') } as Record<F | U, (value: string) => string | undefined>;
}

/**
 * Adds what the service's own schema refuses in the query (an unknown id, an over-long search) to `errors`, one
 * message per parameter, so that every problem is reported at once rather than one per round trip.
 */
export function addSchemaErrors(schema: z.ZodType, query: unknown, errors: FieldError[], messageFor: (path: string, message: string) => string = (_, message) => message) {
  const checked = schema.safeParse(query);
  for (const issue of checked.success ? [] : checked.error.issues) {
    const path = issue.path.join('.');
    if (!errors.some((e) => e.path === path)) errors.push({ path, message: messageFor(path, issue.message) });
  }
}

export interface FilterChip<K extends string = string> {
  key: K;
  label: string;
}

/** One removable chip per filter in use, in the order of `keys`, each worded by its label function. */
export function filterChips<K extends string>(keys: readonly K[], params: UrlParams<K>, labels: Record<K, (value: string) => string>): FilterChip<K>[] {
  return keys.flatMap((key) => {
    const value = params[key];
    return value ? [{ key, label: labels[key](value) }] : [];
  });
}
