import type { MatchCount } from '@/lib/match-count';
import type { Page } from '@/lib/types';

/**
 * The number of rows matching a list's filters: a first page without a next one has counted them already; else
 * `count` runs (not awaited, so the rows are not held back), and a count that fails shows nothing rather than an
 * error page for a number beside the list.
 */
export function pageMatchCount(page: Page<unknown>, cursor: string | undefined, count: () => Promise<MatchCount>): MatchCount | Promise<MatchCount | null> {
  if (!cursor && !page.nextCursor) return { count: page.data.length, exact: true, atLeast: false };
  return count().catch(() => null);
}
