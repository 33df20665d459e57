import { eq } from 'drizzle-orm';

import { getDb } from '@/db/client';
import { staffMembers } from '@/db/schema';
import type { Actor } from '@/lib/types';
import { campaignTestRecipientSchema, campaignTestSchema, type CampaignTestInput } from '@/lib/validation/campaign';

import { ValidationFailedError } from '../errors';
import { assertCan } from '../permissions';
import { parseInput } from '../validate';
import { getCampaignRow } from './get-campaign';
import { defaultCampaignTransport, type CampaignTransport } from './send';
import { renderTemplate } from './template';

/**
 * Sends one copy of the campaign, filled in with the sender's own name, to the sender (email: their address unless
 * another is given; SMS: the phone given), marked as a test in the subject. Nothing is recorded as a delivery or on
 * any customer's timeline. Throws NotFoundError, ForbiddenError, ValidationFailedError (`to`), or the transport's error.
 */
export async function sendCampaignTest({ actor, id, input = {}, transport = defaultCampaignTransport() }: { actor: Actor; id: string; input?: CampaignTestInput; transport?: CampaignTransport }): Promise<{ to: string }> {
  assertCan(actor, 'campaigns:send');
  const campaign = await getCampaignRow(getDb(), id);
  const { to: given } = parseInput(campaignTestSchema, input);
  const fallback = campaign.channel === 'email' && actor.type === 'staff' ? await staffEmail(actor.id) : undefined;
  const wanted = given?.trim() || fallback;
  if (!wanted) throw new ValidationFailedError('Say where to send the test', [{ path: 'to', message: campaign.channel === 'sms' ? 'Enter the phone number to text the test to' : 'Enter the email address to send the test to' }]);
  const { to } = parseInput(campaignTestRecipientSchema(campaign.channel), { to: wanted });
  const [firstName, ...rest] = actor.name.trim().split(/\s+/);
  const recipient = { firstName: firstName ?? '', lastName: rest.join(' ') };
  await transport({
    channel: campaign.channel,
    to,
    subject: campaign.channel === 'email' ? `[Test] ${renderTemplate(campaign.subject, recipient)}` : '',
    text: renderTemplate(campaign.body, recipient),
  });
  return { to };
}

async function staffEmail(id: string): Promise<string | undefined> {
  const [member] = await getDb().select({ email: staffMembers.email }).from(staffMembers).where(eq(staffMembers.id, id));
  return member?.email;
}
