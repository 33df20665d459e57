import { asc, eq, sql } from 'drizzle-orm';

import { getDb, type Db, type Tx } from '@/db/client';
import { campaignDeliveries, campaigns, campaignTargetGroups, customerGroups, type CampaignRow } from '@/db/schema';
import type { Campaign } from '@/lib/campaign-types';

import { NotFoundError } from '../errors';
import { assertUuid } from '../ids';
import { toCampaign, toDeliveryCounts } from './mapping';

export const CAMPAIGN_NOT_FOUND = 'No campaign with this id';
const NOT_FOUND = CAMPAIGN_NOT_FOUND;

async function deliveryCounts(db: Db | Tx, campaignId: string) {
  const rows = await db
    .select({ status: campaignDeliveries.status, count: sql<number>`count(*)::int` })
    .from(campaignDeliveries)
    .where(eq(campaignDeliveries.campaignId, campaignId))
    .groupBy(campaignDeliveries.status);
  return toDeliveryCounts(rows);
}

/** Loads the campaign row or throws NotFoundError. */
export async function getCampaignRow(db: Db | Tx, id: string): Promise<CampaignRow> {
  assertUuid(id, NOT_FOUND);
  const [row] = await db.select().from(campaigns).where(eq(campaigns.id, id));
  if (!row) throw new NotFoundError(NOT_FOUND);
  return row;
}

/** One campaign with its target groups and how many deliveries are pending, sent and failed. Throws NotFoundError. */
export async function getCampaign({ id }: { id: string }): Promise<Campaign> {
  const db = getDb();
  const row = await getCampaignRow(db, id);
  const groups = await db
    .select({ id: customerGroups.id, name: customerGroups.name })
    .from(campaignTargetGroups)
    .innerJoin(customerGroups, eq(customerGroups.id, campaignTargetGroups.groupId))
    .where(eq(campaignTargetGroups.campaignId, id))
    .orderBy(asc(customerGroups.name));
  return toCampaign(row, groups, await deliveryCounts(db, id));
}
