// How many rows a list shows per page: a choice of a few sizes, kept in the URL as `limit` (the API's name for it).
export const PAGE_SIZES = [25, 50, 100, 200] as const;

/** The page size in the URL, or the list's default for a missing or unoffered one (the select offers only these). */
export function parsePageSize(limit: string | undefined, defaultSize: number): number {
  const size = Number(limit);
  return (PAGE_SIZES as readonly number[]).includes(size) ? size : defaultSize;
}
