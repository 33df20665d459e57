import { and, eq, sql } from 'drizzle-orm';

import { getDb, queryRows, type Db } from '@/db/client';
import { campaignDeliveries, campaigns, customerEvents, type CampaignRow } from '@/db/schema';
import type { Campaign, CampaignChannel, CampaignDeliveryCounts } from '@/lib/campaign-types';
import type { Actor } from '@/lib/types';

import { ConflictError, NotFoundError } from '../errors';
import { assertUuid } from '../ids';
import { enqueueJob } from '../jobs/queue';
import { runJobInBackground, type JobDefinition } from '../jobs/run';
import { getSmsTransport } from '../mail/sms-transport';
import { getMailTransport } from '../mail/transport';
import { assertCan } from '../permissions';
import { audienceAddress, audienceFrom } from './audience';
import { getCampaign } from './get-campaign';
import { toDeliveryCounts } from './mapping';
import { renderTemplate } from './template';

export interface OutgoingMessage {
  channel: CampaignChannel;
  to: string;
  subject: string;
  text: string;
}

/** Hands one message over; throws when it could not. */
export type CampaignTransport = (message: OutgoingMessage) => Promise<{ messageId: string }>;

/** Thrown by a transport when this one address is refused: the delivery is recorded as failed and the send goes on. */
export class RecipientRejectedError extends Error {}

// Only a refusal of the address itself (SMTP 5xx, nodemailer's EENVELOPE) fails one delivery. Anything else (connection
// lost, disk full) stops the send instead, leaving the rest pending for the next call rather than failing them all.
function isRecipientError(error: unknown): boolean {
  const { code, responseCode } = error as { code?: string; responseCode?: number };
  return error instanceof RecipientRejectedError || code === 'EENVELOPE' || (typeof responseCode === 'number' && responseCode >= 500 && responseCode < 600);
}

/** Email through the mail transport (SMTP or .eml files), SMS into the outbox: see services/mail. */
export function defaultCampaignTransport(): CampaignTransport {
  const mail = getMailTransport();
  const sms = getSmsTransport();
  return (message) => (message.channel === 'email' ? mail.sendMail(message) : sms.sendSms(message));
}

const NOT_FOUND = 'No campaign with this id';
// Small batches: a process killed mid-batch rolls the batch back, and those already handed over are sent again.
const DEFAULT_BATCH_SIZE = 25;

/**
 * Moves a draft to sending and fixes its audience as pending deliveries, in one statement; a campaign already
 * sending or sent is returned unchanged. Throws NotFoundError, ForbiddenError, ConflictError (nobody to send to).
 */
async function beginSend(actor: Actor, id: string): Promise<CampaignRow> {
  assertCan(actor, 'campaigns:send');
  assertUuid(id, NOT_FOUND);
  const db = getDb();
  const row = await db.transaction(async (tx) => {
    // The row lock queues a second sender until the audience is fixed; it then sees status "sending".
    const [row] = await tx.select().from(campaigns).where(eq(campaigns.id, id)).for('update');
    if (!row) throw new NotFoundError(NOT_FOUND);
    if (row.status !== 'draft') return row;
    const [{ count }] = await queryRows<{ count: number }>(
      tx,
      sql`with fixed as (
            insert into campaign_deliveries (campaign_id, customer_id, address)
            select ${id}, c.id, ${audienceAddress(row.channel)} ${audienceFrom(id, row.channel)}
            on conflict do nothing
            returning 1)
          select count(*)::int as count from fixed`,
    );
    if (Number(count) === 0) throw new ConflictError(`Nobody in the target groups has agreed to receive ${row.channel === 'email' ? 'emails' : 'text messages'}, so there is no one to send to`);
    const [updated] = await tx
      .update(campaigns)
      .set({ status: 'sending', sendStartedAt: sql`now()`, version: sql`${campaigns.version} + 1`, updatedAt: sql`now()` })
      .where(eq(campaigns.id, id))
      .returning();
    return { ...updated, isNewAudience: true };
  });
  // Statistics from before this campaign's rows make the planner scan all of them for each batch's update
  // (70 ms instead of 0.5 ms per batch with 133k recipients); sampling is bounded, about 0.1 s on any size.
  if ('isNewAudience' in row) await db.execute(sql`analyze campaign_deliveries`);
  return row;
}

interface Claimed {
  customerId: string;
  address: string;
  firstName: string;
  lastName: string;
  stillConsents: boolean;
}

interface Outcome {
  customerId: string;
  status: 'sent' | 'failed';
  messageId?: string;
  error?: string;
  sentAt?: string;
}

async function sendBatch(db: Db, actor: Actor, campaign: CampaignRow, transport: CampaignTransport, batchSize: number, after: string | null) {
  return db.transaction(async (tx) => {
    // SKIP LOCKED: a concurrent sender takes other rows, so no row is sent by two senders.
    const batch = await queryRows<Claimed>(
      tx,
      sql`select d.customer_id as "customerId", d.address, c.first_name as "firstName", c.last_name as "lastName",
            (c.erased_at is null and ${campaign.channel === 'email' ? sql`c.email_marketing_consent` : sql`c.sms_marketing_consent`}) as "stillConsents"
          from campaign_deliveries d join customers c on c.id = d.customer_id
          where d.campaign_id = ${campaign.id} and d.status = 'pending' ${after ? sql`and d.customer_id > ${after}` : sql``}
          order by d.customer_id
          limit ${batchSize}
          for update of d skip locked`,
    );
    const outcomes: Outcome[] = [];
    let interruption: unknown;
    for (const recipient of batch) {
      // Consent withdrawn (or the customer erased) after the audience was fixed: never message them.
      if (!recipient.stillConsents) {
        outcomes.push({ customerId: recipient.customerId, status: 'failed', error: 'No longer consents to this channel' });
        continue;
      }
      try {
        const { messageId } = await transport({
          channel: campaign.channel,
          to: recipient.address,
          subject: renderTemplate(campaign.subject, recipient),
          text: renderTemplate(campaign.body, recipient),
        });
        outcomes.push({ customerId: recipient.customerId, status: 'sent', messageId, sentAt: new Date().toISOString() });
      } catch (error) {
        if (!isRecipientError(error)) {
          interruption = error;
          break;
        }
        outcomes.push({ customerId: recipient.customerId, status: 'failed', error: String((error as Error).message ?? error).slice(0, 500) });
      }
    }
    // The whole batch's outcomes in one statement: the transport is the slow part, not the bookkeeping.
    if (outcomes.length > 0) {
      await tx.execute(sql`
        update campaign_deliveries d
        set status = o.status, message_id = o."messageId", error = o.error, sent_at = o."sentAt"
        from jsonb_to_recordset(${JSON.stringify(outcomes)}::jsonb) as o("customerId" uuid, status text, "messageId" text, error text, "sentAt" timestamptz)
        where d.campaign_id = ${campaign.id} and d.customer_id = o."customerId"`);
    }
    const sentTo = outcomes.filter((outcome) => outcome.status === 'sent').map((outcome) => outcome.customerId);
    // One insert per batch puts the campaign on each recipient's timeline.
    if (sentTo.length > 0) {
      await tx.insert(customerEvents).values(
        sentTo.map((customerId) => ({
          customerId,
          type: 'campaign.sent',
          actorType: actor.type,
          actorId: actor.id,
          data: { campaignId: campaign.id, campaignName: campaign.name, channel: campaign.channel },
        })),
      );
    }
    // Commits what was handed over before an interruption, so the next call does not message them again.
    return { claimed: batch.length, last: batch.at(-1)?.customerId ?? null, sent: sentTo.length, failed: outcomes.length - sentTo.length, interruption };
  });
}

async function countDeliveries(db: Db, campaignId: string): Promise<CampaignDeliveryCounts> {
  const rows = await db
    .select({ status: campaignDeliveries.status, count: sql<number>`count(*)::int` })
    .from(campaignDeliveries)
    .where(eq(campaignDeliveries.campaignId, campaignId))
    .groupBy(campaignDeliveries.status);
  return toDeliveryCounts(rows);
}

async function deliver(actor: Actor, campaign: CampaignRow, options: DeliverOptions & JobDeliverOptions): Promise<CampaignDeliveryCounts> {
  const db = getDb();
  const transport = options.transport ?? defaultCampaignTransport();
  const progress = await countDeliveries(db, campaign.id);
  // Keyset through the delivery key: each claim starts after the last, instead of skipping ever more sent rows
  // (quadratic on a big audience). At the end one more pass from the start picks up rows that another sender
  // held and released unsent.
  let after: string | null = options.after ?? null;
  for (;;) {
    await options.beforeBatch?.(after, { ...progress });
    const batch = await sendBatch(db, actor, campaign, transport, options.batchSize ?? DEFAULT_BATCH_SIZE, after);
    progress.sent += batch.sent;
    progress.failed += batch.failed;
    progress.pending = Math.max(0, progress.pending - batch.sent - batch.failed);
    if (batch.sent + batch.failed > 0) options.onProgress?.({ ...progress });
    if (batch.interruption) throw batch.interruption;
    if (batch.claimed === 0) {
      if (after === null) break;
      after = null;
    } else after = batch.last;
  }
  // Rows another sender holds are still pending here; that sender finishes the campaign.
  await db
    .update(campaigns)
    .set({ status: 'sent', sentAt: sql`now()`, updatedAt: sql`now()` })
    .where(
      and(
        eq(campaigns.id, campaign.id),
        eq(campaigns.status, 'sending'),
        sql`not exists (select 1 from campaign_deliveries d where d.campaign_id = ${campaign.id} and d.status = 'pending')`,
      ),
    );
  return progress;
}

interface DeliverOptions {
  onProgress?: (counts: CampaignDeliveryCounts) => void;
  transport?: CampaignTransport;
  batchSize?: number;
}

interface JobDeliverOptions {
  /** The delivery key to continue after (a job's cursor). */
  after?: string | null;
  /** Called before each batch is claimed; throwing stops the send before anyone else is messaged. */
  beforeBatch?: (after: string | null, counts: CampaignDeliveryCounts) => Promise<void>;
}

/**
 * Sends a campaign to its audience and returns it sent. Each recipient is messaged at most once, however often this
 * is called or by how many processes at once; a send that was interrupted resumes with the recipients still pending.
 * Throws NotFoundError, ForbiddenError, ConflictError (empty audience), or the transport's error (rest stays pending).
 */
export async function sendCampaign({ actor, id, ...options }: { actor: Actor; id: string } & DeliverOptions): Promise<Campaign> {
  const campaign = await beginSend(actor, id);
  if (campaign.status !== 'sent') await deliver(actor, campaign, options);
  return getCampaign({ id });
}

export const CAMPAIGN_SEND_JOB = 'campaign.send';

interface CampaignSendPayload {
  campaignId: string;
  /** Who started the send: the recipients' timelines name them. */
  actor: Actor;
}

/**
 * A background send: delivers what is still pending, checkpointing the delivery key reached and the counts before
 * each batch (so it stops there once its lease is lost, and a worker that takes it over continues after it). Each
 * recipient is still claimed with SKIP LOCKED, so a foreground sendCampaign alongside never messages anyone twice.
 */
export const campaignSendJob: JobDefinition<CampaignSendPayload, CampaignDeliveryCounts | null> = {
  kind: CAMPAIGN_SEND_JOB,
  readPermission: 'campaigns:read',
  async run({ job, checkpoint }) {
    const { campaignId, actor } = job.payload;
    const [campaign] = await getDb().select().from(campaigns).where(eq(campaigns.id, campaignId));
    if (campaign?.status !== 'sending') return null;
    return deliver(actor, campaign, {
      after: typeof job.cursor === 'string' ? job.cursor : null,
      beforeBatch: (after, counts) => checkpoint({ cursor: after, done: counts.sent + counts.failed, total: counts.total }),
    });
  },
};

/**
 * Fixes the audience and returns the campaign at once (status sending), leaving delivery to a job: started in this
 * process, and taken over by another instance's worker if this one stops; callers poll getCampaign for progress.
 * Calling it for a campaign left sending resumes it. `accepted` says whether this call left deliveries to go out (the
 * campaign was not already sent); a worker of another instance may still have sent a small audience by the time the
 * campaign is read back, so the status read back cannot tell.
 */
export async function startCampaignSend({ actor, id }: { actor: Actor; id: string }): Promise<{ campaign: Campaign; accepted: boolean }> {
  const campaign = await beginSend(actor, id);
  if (campaign.status !== 'sending') return { campaign: await getCampaign({ id }), accepted: false };
  // One active job per campaign: a second call finds the first one's job.
  const job = await enqueueJob({ kind: CAMPAIGN_SEND_JOB, key: `${CAMPAIGN_SEND_JOB}:${id}`, payload: { campaignId: id, actor } });
  // Read before this process starts sending, so that the answer shows the send as accepted, not as it ends.
  const asAccepted = await getCampaign({ id });
  runJobInBackground({ id: job.id, definition: campaignSendJob });
  return { campaign: asAccepted, accepted: true };
}
