/** The dashboard lists a view can be saved on. */
export const SAVED_VIEW_LISTS = ['customers', 'orders'] as const;
export type SavedViewList = (typeof SAVED_VIEW_LISTS)[number];

export const SAVED_VIEW_NAME_MAX = 40;

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
