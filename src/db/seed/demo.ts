import { sql } from 'drizzle-orm';

import { getDb } from '@/db/client';
import { customers } from '@/db/schema';

/** True when the shop has no customers yet (first start). */
export async function isShopEmpty(): Promise<boolean> {
  const [row] = await getDb().select({ any: sql<boolean>`exists(select 1 from ${customers})` }).from(sql`(select 1) as one`);
  return !row.any;
}

/** Loads deterministic demo customers. */
export async function seedDemoData(options: { customers: number; seed?: number }): Promise<{ customers: number }> {
  // TODO(#2): replaced by the deterministic generator.
  void options;
  return { customers: 0 };
}
