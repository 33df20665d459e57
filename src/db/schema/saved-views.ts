import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

import { SAVED_VIEW_LISTS } from '../../lib/saved-view-types';

import { createdAt, updatedAt } from './columns';
import { staffMembers } from './staff';

// A named filter and sort of a dashboard list, shown as a tab above it: the owner's own, or shared with the team.
export const savedViews = pgTable(
  'saved_views',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    list: text('list', { enum: SAVED_VIEW_LISTS }).notNull(),
    name: text('name').notNull(),
    // The list's URL query, normalised (lib/validation/saved-view.ts): a view is current when the URL's equals it.
    query: text('query').notNull(),
    ownerId: text('owner_id')
      .notNull()
      .references(() => staffMembers.id, { onDelete: 'cascade' }),
    shared: boolean('shared').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Names are unique per owner and list whatever their case; the index also finds a member's own views.
    uniqueIndex('saved_views_owner_list_name_idx').on(t.ownerId, t.list, sql`lower(${t.name})`),
    // The team's shared views of a list, in the order they were made, without reading anyone's private ones.
    index('saved_views_shared_list_idx').on(t.list, t.createdAt).where(sql`${t.shared}`),
    check('saved_views_list_known', sql`${t.list} in ('customers', 'orders')`),
    check('saved_views_name_length', sql`char_length(${t.name}) between 1 and 40`),
  ],
);

export type SavedViewRow = typeof savedViews.$inferSelect;
