import type { CampaignRow } from '@/db/schema';
import type { Campaign, CampaignDeliveryCounts, CampaignSummary } from '@/lib/campaign-types';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export const NO_DELIVERIES: CampaignDeliveryCounts = { pending: 0, sent: 0, failed: 0, total: 0 };

export function toCampaignSummary(row: CampaignRow, deliveries: CampaignDeliveryCounts): CampaignSummary {
  return {
    id: row.id,
    name: row.name,
    channel: row.channel,
    subject: row.subject,
    status: row.status,
    deliveries,
    createdById: row.createdById,
    scheduledFor: iso(row.scheduledFor),
    scheduleError: row.scheduleError,
    sendStartedAt: iso(row.sendStartedAt),
    sentAt: iso(row.sentAt),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toCampaign(row: CampaignRow, groups: { id: string; name: string }[], deliveries: CampaignDeliveryCounts): Campaign {
  return { ...toCampaignSummary(row, deliveries), body: row.body, groups };
}

/** Counts per status from `select status, count(*) … group by status` rows. */
export function toDeliveryCounts(rows: { status: string; count: number }[]): CampaignDeliveryCounts {
  const counts = { ...NO_DELIVERIES };
  for (const { status, count } of rows) {
    if (status === 'pending' || status === 'sent' || status === 'failed') counts[status] = Number(count);
    counts.total += Number(count);
  }
  return counts;
}
