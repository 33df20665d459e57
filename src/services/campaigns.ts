import { and, asc, desc, eq, gt, inArray, lt, or, sql } from 'drizzle-orm';

import { getDb, queryRows, type Tx } from '@/db/client';
import { campaignDeliveries, campaigns, campaignTargetGroups, customerGroups, customers } from '@/db/schema';
import type { Campaign, CampaignAudience, CampaignDelivery, CampaignRecipient, CampaignSummary } from '@/lib/campaign-types';
import type { Actor, Page } from '@/lib/types';
import {
  campaignCreateSchema,
  campaignListQuerySchema,
  campaignUpdateSchema,
  type CampaignCreateInput,
  type CampaignListQuery,
  type CampaignUpdateInput,
} from '@/lib/validation/campaign';

import { audienceAddress, audienceFrom } from './campaigns/audience';
import { CAMPAIGN_NOT_FOUND as NOT_FOUND, getCampaign, getCampaignRow } from './campaigns/get-campaign';
import { toCampaignSummary, toDeliveryCounts } from './campaigns/mapping';
import { ConflictError, NotFoundError, ValidationFailedError } from './errors';
import { assertUuid } from './ids';
import { keysetCursor } from './keyset-cursor';
import { assertCan } from './permissions';
import { parseInput } from './validate';

export { getCampaign, getCampaignRow } from './campaigns/get-campaign';
export { cancelCampaignSchedule, scheduleCampaignSend } from './campaigns/schedule';
export { sendCampaign, startCampaignSend } from './campaigns/send';
export { sendCampaignTest } from './campaigns/test-send';


async function setTargetGroups(tx: Tx, campaignId: string, groupIds: string[]): Promise<void> {
  const found = await tx.select({ id: customerGroups.id }).from(customerGroups).where(inArray(customerGroups.id, groupIds));
  if (found.length !== groupIds.length) {
    throw new ValidationFailedError('Unknown group', [{ path: 'customerGroupIds', message: 'One of the groups no longer exists; reload and pick again' }]);
  }
  await tx.delete(campaignTargetGroups).where(eq(campaignTargetGroups.campaignId, campaignId));
  await tx.insert(campaignTargetGroups).values(groupIds.map((groupId) => ({ campaignId, groupId })));
}

/** Saves a draft campaign to one or more groups. Throws ValidationFailedError (naming the field), ForbiddenError. */
export async function createCampaign({ actor, input }: { actor: Actor; input: CampaignCreateInput }): Promise<Campaign> {
  assertCan(actor, 'campaigns:write');
  const { customerGroupIds, ...data } = parseInput(campaignCreateSchema, input);
  const id = await getDb().transaction(async (tx) => {
    const [row] = await tx
      .insert(campaigns)
      .values({ ...data, createdById: actor.type === 'staff' ? actor.id : null })
      .returning({ id: campaigns.id });
    await setTargetGroups(tx, row.id, customerGroupIds);
    return row.id;
  });
  return getCampaign({ id });
}

/** Edits a draft; a stale `version` or a campaign already sending is a ConflictError. Throws NotFoundError, ValidationFailedError, ForbiddenError. */
export async function updateCampaign({ actor, id, input }: { actor: Actor; id: string; input: CampaignUpdateInput }): Promise<Campaign> {
  assertCan(actor, 'campaigns:write');
  assertUuid(id, NOT_FOUND);
  const { customerGroupIds, version, ...data } = parseInput(campaignUpdateSchema, input);
  await getDb().transaction(async (tx) => {
    const [row] = await tx.select().from(campaigns).where(eq(campaigns.id, id)).for('update');
    if (!row) throw new NotFoundError(NOT_FOUND);
    if (row.status !== 'draft') throw new ConflictError(`Campaign "${row.name}" is ${row.status}, so it can no longer be edited`);
    if (row.version !== version) {
      throw new ConflictError('Someone else changed this campaign; reload to see their changes', [{ path: 'version', message: 'Stale version' }]);
    }
    await tx
      .update(campaigns)
      .set({ ...data, version: sql`${campaigns.version} + 1`, updatedAt: sql`now()` })
      .where(eq(campaigns.id, id));
    await setTargetGroups(tx, id, customerGroupIds);
  });
  return getCampaign({ id });
}

const campaignCursor = keysetCursor('campaigns', [{ kind: 'timestamp' }, { kind: 'uuid' }]);
// Deliveries are keyed by customer id alone (unique within a campaign).
const deliveryCursor = keysetCursor('campaign-deliveries', [{ kind: 'uuid' }]);

/** Campaigns newest first, keyset-paged by (createdAt, id), each with its delivery counts. */
export async function listCampaigns(query: CampaignListQuery = {}): Promise<Page<CampaignSummary>> {
  const { limit, cursor } = parseInput(campaignListQuerySchema, query);
  const db = getDb();
  const after = cursor ? campaignCursor.decode(cursor) : null;
  const rows = await db
    .select()
    .from(campaigns)
    .where(after ? or(lt(campaigns.createdAt, after[0]), and(eq(campaigns.createdAt, after[0]), lt(campaigns.id, after[1]))) : undefined)
    .orderBy(desc(campaigns.createdAt), desc(campaigns.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const counts = page.length
    ? await db
        .select({ campaignId: campaignDeliveries.campaignId, status: campaignDeliveries.status, count: sql<number>`count(*)::int` })
        .from(campaignDeliveries)
        .where(inArray(campaignDeliveries.campaignId, page.map((row) => row.id)))
        .groupBy(campaignDeliveries.campaignId, campaignDeliveries.status)
    : [];
  return {
    data: page.map((row) => toCampaignSummary(row, toDeliveryCounts(counts.filter((count) => count.campaignId === row.id)))),
    nextCursor: rows.length > limit ? campaignCursor.encode([page[page.length - 1].createdAt, page[page.length - 1].id]) : null,
  };
}

/**
 * Who a campaign would reach now: the count and the first `limit` recipients (oldest customers first). Computed
 * from the current groups and consents, so it can differ from the deliveries fixed when sending began. Throws NotFoundError.
 */
export async function campaignAudience(campaignId: string, { limit = 5 }: { limit?: number } = {}): Promise<CampaignAudience> {
  const db = getDb();
  const campaign = await getCampaignRow(db, campaignId);
  const from = audienceFrom(campaign.id, campaign.channel);
  const [{ count }] = await queryRows<{ count: number }>(db, sql`select count(*)::int as count ${from}`);
  const preview = await queryRows<CampaignRecipient>(
    db,
    sql`select c.id as "customerId", c.first_name as "firstName", c.last_name as "lastName", ${audienceAddress(campaign.channel)} as address
      ${from} order by c.created_at, c.id limit ${Math.max(0, Math.min(limit, 100))}`,
  );
  return { count: Number(count), preview };
}

/** A campaign's recipients and what happened to each, keyset-paged by customer id (the delivery key). Throws NotFoundError, ValidationFailedError. */
export async function listCampaignDeliveries({ campaignId, cursor, limit = 50 }: { campaignId: string; cursor?: string | null; limit?: number }): Promise<Page<CampaignDelivery>> {
  assertUuid(campaignId, NOT_FOUND);
  const [after] = cursor ? deliveryCursor.decode(cursor) : [null];
  const rows = await getDb()
    .select({
      customerId: campaignDeliveries.customerId,
      firstName: customers.firstName,
      lastName: customers.lastName,
      address: campaignDeliveries.address,
      status: campaignDeliveries.status,
      messageId: campaignDeliveries.messageId,
      error: campaignDeliveries.error,
      sentAt: campaignDeliveries.sentAt,
    })
    .from(campaignDeliveries)
    .innerJoin(customers, eq(customers.id, campaignDeliveries.customerId))
    .where(and(eq(campaignDeliveries.campaignId, campaignId), after ? gt(campaignDeliveries.customerId, after) : undefined))
    .orderBy(asc(campaignDeliveries.customerId))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return {
    data: page.map(({ firstName, lastName, sentAt, ...row }) => ({ ...row, name: `${firstName} ${lastName}`.trim(), sentAt: sentAt ? sentAt.toISOString() : null })),
    nextCursor: rows.length > limit ? deliveryCursor.encode([page[page.length - 1].customerId]) : null,
  };
}
