/** The dashboard lists a view can be saved on. */
export const SAVED_VIEW_LISTS = ['customers', 'orders'] as const;
export type SavedViewList = (typeof SAVED_VIEW_LISTS)[number];

export const SAVED_VIEW_NAME_MAX = 40;

/**
 * Each list's page size when the URL names none. The dashboard's lists differ from the API's default (50), so a view
 * compares its page size with these, not with the schema's default.
 */
export const LIST_DEFAULT_PAGE_SIZE: Record<SavedViewList, number> = { customers: 50, orders: 25 };

/** A named filter, sort and page size of a list, as a member sees it. */
export interface SavedView {
  id: string;
  list: SavedViewList;
  name: string;
  /** The list's URL query without paging, normalised (`normaliseListQuery`); '' is the whole list. */
  query: string;
  ownerId: string;
  ownerName: string;
  shared: boolean;
  createdAt: string;
  updatedAt: string;
}
