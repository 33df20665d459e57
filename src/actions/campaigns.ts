'use server';

// Form adapters for the campaign pages: authenticate, call one service, map the outcome to form state.
// The services check the role too, so a refusal comes back as a readable message, not a crash.
import { revalidatePath } from 'next/cache';

import { requireStaff } from '@/auth/require-staff';
import type { CampaignDeliveryCounts, CampaignStatus } from '@/lib/campaign-types';
import { toActionResult, type ActionResult } from '@/http/action-result';
import { toIdempotentActionResult } from '@/http/idempotent-action';
import type { CampaignCreateInput, CampaignScheduleInput, CampaignTestInput, CampaignUpdateInput } from '@/lib/validation/campaign';
import { cancelCampaignSchedule, createCampaign, getCampaign, scheduleCampaignSend, sendCampaignTest, startCampaignSend, updateCampaign } from '@/services/campaigns';

function revalidateCampaign(id: string) {
  revalidatePath(`/dashboard/campaigns/${id}`);
  revalidatePath('/dashboard/campaigns');
}

export async function createCampaignAction(input: CampaignCreateInput, idempotencyKey?: string): Promise<ActionResult<{ id: string }>> {
  const actor = await requireStaff('campaigns:write');
  const result = await toIdempotentActionResult({ actor, action: 'createCampaign', key: idempotencyKey, input }, async () => ({ id: (await createCampaign({ actor, input })).id }));
  if (!result.ok) return result;
  revalidateCampaign(result.data.id);
  return { ok: true, data: { id: result.data.id } };
}

export async function updateCampaignAction(id: string, input: CampaignUpdateInput): Promise<ActionResult<{ id: string }>> {
  const actor = await requireStaff('campaigns:write');
  const result = await toActionResult(() => updateCampaign({ actor, id, input }));
  if (!result.ok) return result;
  revalidateCampaign(id);
  return { ok: true, data: { id } };
}

/**
 * Fixes the audience and starts sending in the background; the page then polls campaignProgressAction. A repeated
 * `idempotencyKey` starts once.
 */
export async function sendCampaignAction(id: string, idempotencyKey?: string): Promise<ActionResult<{ status: CampaignStatus; deliveries: CampaignDeliveryCounts }>> {
  const actor = await requireStaff('campaigns:send');
  // The counts of the audience just fixed, so the page shows "Sending… 0 of 1,240 recipients" at once rather than 0 of 0.
  const result = await toIdempotentActionResult({ actor, action: 'sendCampaign', key: idempotencyKey, input: { id } }, async () => {
    const { campaign } = await startCampaignSend({ actor, id });
    return { status: campaign.status, deliveries: campaign.deliveries };
  });
  if (!result.ok) return result;
  revalidateCampaign(id);
  return result;
}

/** The status and delivery counts, for the progress bar while sending. */
export async function campaignProgressAction(id: string): Promise<ActionResult<{ status: CampaignStatus; deliveries: CampaignDeliveryCounts }>> {
  await requireStaff('campaigns:read');
  return toActionResult(async () => {
    const { status, deliveries } = await getCampaign({ id });
    return { status, deliveries };
  });
}

/** Sets or moves the time the draft sends itself. */
export async function scheduleCampaignAction(id: string, input: CampaignScheduleInput): Promise<ActionResult> {
  const actor = await requireStaff('campaigns:send');
  const result = await toActionResult(async () => {
    await scheduleCampaignSend({ actor, id, input });
    return undefined;
  });
  if (result.ok) revalidateCampaign(id);
  return result;
}

export async function cancelCampaignScheduleAction(id: string): Promise<ActionResult> {
  const actor = await requireStaff('campaigns:send');
  const result = await toActionResult(async () => {
    await cancelCampaignSchedule({ actor, id });
    return undefined;
  });
  if (result.ok) revalidateCampaign(id);
  return result;
}

/** One copy to the sender; answers where it went. */
export async function sendCampaignTestAction(id: string, input: CampaignTestInput): Promise<ActionResult<{ to: string }>> {
  const actor = await requireStaff('campaigns:send');
  return toActionResult(() => sendCampaignTest({ actor, id, input }));
}
