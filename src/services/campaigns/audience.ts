import { sql, type SQL } from 'drizzle-orm';

import type { CampaignChannel } from '@/lib/campaign-types';

/**
 * The FROM/WHERE of a campaign's audience: members of its target groups who consented to the channel and have an
 * address for it, never erased customers. The group IN list drives customers_group_idx, so a 1M-customer table is
 * only read for the targeted groups. Used for the count, the preview and fixing the deliveries, so they agree.
 */
export function audienceFrom(campaignId: string, channel: CampaignChannel): SQL {
  const consent =
    channel === 'email' ? sql`c.email_marketing_consent and c.email is not null` : sql`c.sms_marketing_consent and c.phone is not null`;
  return sql`from customers c
    where c.customer_group_id in (select t.group_id from campaign_target_groups t where t.campaign_id = ${campaignId})
      and c.erased_at is null
      and ${consent}`;
}

/** The column holding the recipient's address for the channel. */
export function audienceAddress(channel: CampaignChannel): SQL {
  return channel === 'email' ? sql`c.email` : sql`c.phone`;
}
