import { timestamp } from 'drizzle-orm/pg-core';

// Millisecond precision so that a timestamp survives the round trip through a JS Date
// (keyset cursors compare it exactly).
export const timestampMs = (name: string) => timestamp(name, { withTimezone: true, precision: 3, mode: 'date' });

export const createdAt = () => timestampMs('created_at').notNull().defaultNow();
export const updatedAt = () => timestampMs('updated_at').notNull().defaultNow();
