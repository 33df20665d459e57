import { z } from 'zod';

import { uuidSchema } from '@/lib/validation/common';
import { CAMPAIGN_CHANNEL_VALUES, campaignFieldsSchema } from '@/lib/validation/campaign';

import { customerGroupRefSchema } from './schemas';

// Campaign response shapes; campaigns.test in app/api/v1 checks that they equal lib/campaign-types.ts.

const timestamp = z.iso.datetime();
const count = z.int().min(0);

export const campaignDeliveryCountsSchema = z
  .object({ pending: count, sent: count, failed: count, total: count })
  .describe('Deliveries by status; all zero for a draft, whose audience is fixed only when sending starts');

const campaignStatus = z.enum(['draft', 'sending', 'sent']).describe('draft → sending (audience fixed, deliveries going out) → sent');

export const campaignSummarySchema = z.object({
  id: uuidSchema,
  name: z.string(),
  channel: z.enum(CAMPAIGN_CHANNEL_VALUES),
  subject: z.string().describe('Empty for SMS'),
  status: campaignStatus,
  deliveries: campaignDeliveryCountsSchema,
  createdById: z.string().nullable(),
  scheduledFor: timestamp.nullable().describe('A draft set to send itself at this moment (POST /campaigns/{id}/schedule); null when not scheduled'),
  scheduleError: z.string().nullable().describe('Why the scheduled send did not start (for example, nobody to send to by then)'),
  sendStartedAt: timestamp.nullable(),
  sentAt: timestamp.nullable(),
  version: z.int().min(1),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const campaignSchema = campaignSummarySchema.extend({
  body: campaignFieldsSchema.shape.body,
  groups: z.array(customerGroupRefSchema).describe('The target groups'),
});

export const campaignRecipientSchema = z.object({
  customerId: uuidSchema,
  firstName: z.string(),
  lastName: z.string(),
  address: z.string().describe('The email address or phone number the message goes to'),
});

export const campaignAudienceSchema = z.object({
  count: count.describe('Members of the target groups who consented to the channel and have an address for it; erased customers never count'),
  preview: z.array(campaignRecipientSchema).describe('The first recipients, oldest customers first'),
});

export const campaignTestResultSchema = z.object({ to: z.string().describe('The address or phone number the test went to') });
