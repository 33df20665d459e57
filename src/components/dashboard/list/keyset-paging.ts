// URL state of keyset paging, shared by the dashboard's lists: `cursor` of this page, `prev` the last few cursors
// (dot-separated, so Previous works without counting), `page` the page number while it is known.
// The index signature stands for each list's own filter params (all URL strings) riding along.
export interface PagingParams {
  cursor?: string;
  prev?: string;
  page?: string;
  [param: string]: string | undefined;
}

export const PAGING_KEYS = ['cursor', 'prev', 'page'] as const;
export const PREVIOUS_CURSORS_MAX = 5;

function previousCursors(params: PagingParams): string[] {
  return params.prev ? params.prev.split('.').filter(Boolean) : [];
}

/** The same params without paging: the first page of the same filters. */
export function firstPageParams<P extends PagingParams>(params: P): P {
  const next = { ...params };
  for (const key of PAGING_KEYS) delete next[key];
  return next;
}

/** The page number, when the URL knows it (1 without a cursor). */
export function pageNumber(params: PagingParams): number | null {
  if (!params.cursor) return 1;
  const page = Number(params.page);
  return Number.isInteger(page) && page > 1 ? page : null;
}

/** The next page: the current cursor goes on the (bounded) stack of previous ones. */
export function nextPageParams<P extends PagingParams>(params: P, nextCursor: string): P {
  const stack = params.cursor ? [...previousCursors(params), params.cursor].slice(-PREVIOUS_CURSORS_MAX) : [];
  const page = pageNumber(params);
  return { ...params, cursor: nextCursor, prev: stack.join('.') || undefined, page: page ? String(page + 1) : undefined };
}

/**
 * The page before this one, or null when it is not known: keyset paging cannot count backwards, so
 * only the last few cursors are kept. Page 2 always knows its previous page: the first.
 */
export function previousPageParams<P extends PagingParams>(params: P): P | null {
  if (!params.cursor) return null;
  const stack = previousCursors(params);
  const page = pageNumber(params);
  const cursor = stack.pop();
  if (cursor) return { ...params, cursor, prev: stack.join('.') || undefined, page: page ? String(page - 1) : undefined };
  return page === 2 ? firstPageParams(params) : null;
}
