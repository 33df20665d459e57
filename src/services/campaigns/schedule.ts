/**
 * A draft that sends itself later: a queued job with runAfter, claimed by whichever instance's worker is free at that
 * moment, so a schedule survives restarts and runs once however many instances there are. Until the job is claimed
 * the schedule can be moved or cancelled; once it runs, the send is the same as pressing Send then.
 */
import { and, eq, sql } from 'drizzle-orm';

import { getDb } from '@/db/client';
import { campaigns } from '@/db/schema';
import type { Campaign } from '@/lib/campaign-types';
import type { Actor } from '@/lib/types';
import { campaignScheduleSchema, type CampaignScheduleInput } from '@/lib/validation/campaign';

import { ConflictError, DomainError, NotFoundError } from '../errors';
import { assertUuid } from '../ids';
import { cancelJob, enqueueJob, rescheduleJob } from '../jobs/queue';
import type { JobDefinition } from '../jobs/run';
import { assertCan } from '../permissions';
import { parseInput } from '../validate';
import { CAMPAIGN_NOT_FOUND, getCampaign } from './get-campaign';
import { startCampaignSend } from './send';

export const CAMPAIGN_SCHEDULED_SEND_JOB = 'campaign.scheduled_send';
const jobKey = (campaignId: string) => `${CAMPAIGN_SCHEDULED_SEND_JOB}:${campaignId}`;

interface ScheduledSendPayload {
  campaignId: string;
  /** Who scheduled it: the send is theirs, and recipients' timelines name them. */
  actor: Actor;
}

/** Sets (or moves) the moment a draft sends itself. Throws ValidationFailedError, NotFoundError, ForbiddenError, ConflictError. */
export async function scheduleCampaignSend({ actor, id, input }: { actor: Actor; id: string; input: CampaignScheduleInput }): Promise<Campaign> {
  assertCan(actor, 'campaigns:send');
  assertUuid(id, CAMPAIGN_NOT_FOUND);
  const { sendAt } = parseInput(campaignScheduleSchema, input);
  await getDb().transaction(async (tx) => {
    const [row] = await tx.select().from(campaigns).where(eq(campaigns.id, id)).for('update');
    if (!row) throw new NotFoundError(CAMPAIGN_NOT_FOUND);
    if (row.status !== 'draft') throw new ConflictError(`Campaign "${row.name}" is ${row.status}, so it can no longer be scheduled`);
    // Moved when a job is still waiting; a new job otherwise (first schedule, or after a failed one).
    const moved = await rescheduleJob({ key: jobKey(id) }, sendAt, tx);
    if (!moved) await enqueueJob({ kind: CAMPAIGN_SCHEDULED_SEND_JOB, key: jobKey(id), payload: { campaignId: id, actor }, runAfter: sendAt, maxAttempts: 3, db: tx });
    await tx
      .update(campaigns)
      .set({ scheduledFor: sendAt, scheduledById: actor.type === 'staff' ? actor.id : null, scheduleError: null, version: sql`${campaigns.version} + 1`, updatedAt: sql`now()` })
      .where(eq(campaigns.id, id));
  });
  return getCampaign({ id });
}

/** Takes a draft's schedule back while its send has not started. Throws NotFoundError, ForbiddenError, ConflictError. */
export async function cancelCampaignSchedule({ actor, id }: { actor: Actor; id: string }): Promise<Campaign> {
  assertCan(actor, 'campaigns:send');
  assertUuid(id, CAMPAIGN_NOT_FOUND);
  await getDb().transaction(async (tx) => {
    const [row] = await tx.select().from(campaigns).where(eq(campaigns.id, id)).for('update');
    if (!row) throw new NotFoundError(CAMPAIGN_NOT_FOUND);
    if (row.status !== 'draft') throw new ConflictError(`Campaign "${row.name}" has started sending, so its schedule can no longer be cancelled`);
    await cancelJob({ key: jobKey(id) }, `Schedule cancelled by ${actor.name}`, tx);
    await tx
      .update(campaigns)
      .set({ scheduledFor: null, scheduledById: null, scheduleError: null, version: sql`${campaigns.version} + 1`, updatedAt: sql`now()` })
      .where(eq(campaigns.id, id));
  });
  return getCampaign({ id });
}

/**
 * At the scheduled moment: sends as if Send were pressed then (the audience is fixed now, not when it was scheduled).
 * A draft whose schedule was cancelled meanwhile is left alone. A refusal that no retry can change (nobody to send to)
 * is kept on the campaign for its page to say, and ends the job; anything else fails the attempt and is retried.
 */
export const campaignScheduledSendJob: JobDefinition<ScheduledSendPayload, { started: boolean }> = {
  kind: CAMPAIGN_SCHEDULED_SEND_JOB,
  readPermission: 'campaigns:read',
  async run({ job }) {
    const { campaignId, actor } = job.payload;
    const [row] = await getDb().select().from(campaigns).where(eq(campaigns.id, campaignId));
    if (row?.status !== 'draft' || row.scheduledFor === null) return { started: false };
    try {
      await startCampaignSend({ actor, id: campaignId });
      return { started: true };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      await getDb()
        .update(campaigns)
        .set({ scheduleError: error.message, updatedAt: sql`now()` })
        .where(and(eq(campaigns.id, campaignId), eq(campaigns.status, 'draft')));
      return { started: false };
    }
  },
};
