import { z } from 'zod';

import { LIST_DEFAULT_PAGE_SIZE, SAVED_VIEW_LISTS, SAVED_VIEW_NAME_MAX, type SavedViewList } from '../saved-view-types';

import { text } from './common';
import { customerListQuerySchema } from './customer';
import { orderListQuerySchema } from './order';

/** Each list's own query schema: its keys, their order and their defaults say what a view of it holds. */
const LIST_QUERY_SCHEMAS = { customers: customerListQuerySchema, orders: orderListQuerySchema } satisfies Record<SavedViewList, z.ZodObject>;

// Paging is where one visit got to, not part of what a view shows.
const NOT_SAVED = new Set(['cursor']);
export const SAVED_VIEW_QUERY_MAX = 2000;

type SearchLike = string | URLSearchParams | Record<string, string | string[] | undefined>;

function toSearchParams(search: SearchLike): URLSearchParams {
  if (search instanceof URLSearchParams) return search;
  if (typeof search === 'string') return new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) params.set(key, first);
  }
  return params;
}

/**
 * The list's URL query as a view stores it, so that two URLs showing the same list compare equal: only the list
 * schema's keys, in its order, without the cursor, blanks or a value its schema reads as the default (the default sort,
 * the list's default page size). Values stay as the URL writes them (amounts in major units, days), not as the service reads
 * them: a value the schema refuses is kept, so a view whose filter no longer works (a deleted group) still opens and
 * the list says what is wrong with it, as it does for any URL.
 */
export function normaliseListQuery(list: SavedViewList, search: SearchLike): string {
  const schema = LIST_QUERY_SCHEMAS[list];
  const params = toSearchParams(search);
  const defaults = schema.safeParse({});
  const out = new URLSearchParams();
  for (const [key, rule] of Object.entries(schema.shape) as [string, z.ZodType][]) {
    if (NOT_SAVED.has(key)) continue;
    const value = params.get(key)?.trim();
    if (!value) continue;
    const fallback = key === 'limit' ? LIST_DEFAULT_PAGE_SIZE[list] : defaults.success ? (defaults.data as Record<string, unknown>)[key] : undefined;
    if (fallback !== undefined) {
      const read = rule.safeParse(value);
      if (read.success && JSON.stringify(read.data) === JSON.stringify(fallback)) continue;
    }
    out.set(key, value);
  }
  return out.toString();
}

const nameRule = text()
  .min(1, 'Name the view')
  .max(SAVED_VIEW_NAME_MAX, `Name must be at most ${SAVED_VIEW_NAME_MAX} characters`);
const queryRule = z.string().max(SAVED_VIEW_QUERY_MAX, `The filters are too long to save (at most ${SAVED_VIEW_QUERY_MAX} characters)`);

export const savedViewListSchema = z.enum(SAVED_VIEW_LISTS, { error: `List is one of ${SAVED_VIEW_LISTS.join(', ')}` });

/** A new view of `list`: its name, the list's URL query (normalised by the service) and whether the team sees it. */
export const savedViewCreateSchema = z.object({
  list: savedViewListSchema,
  name: nameRule,
  query: queryRule.default(''),
  shared: z.boolean().default(false),
});

/** Rename, point at the current filters, share or unshare; fields left out stay as they are. */
export const savedViewUpdateSchema = z.object({ name: nameRule, query: queryRule, shared: z.boolean() }).partial();

export type SavedViewCreateInput = z.input<typeof savedViewCreateSchema>;
export type SavedViewUpdateInput = z.input<typeof savedViewUpdateSchema>;
