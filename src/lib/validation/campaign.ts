import { z } from 'zod';

import { text, uuidSchema } from './common';

export const CAMPAIGN_CHANNEL_VALUES = ['email', 'sms'] as const;

// What a message may contain in {{…}}; the service fills them per recipient (services/campaigns/template.ts).
export const CAMPAIGN_PLACEHOLDERS = ['firstName', 'lastName', 'fullName', 'shopName'] as const;

const PLACEHOLDER_TOKEN = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Placeholders in `template` that the renderer does not know, as written (so a typo is named back). */
export function unknownPlaceholders(template: string): string[] {
  const known: readonly string[] = CAMPAIGN_PLACEHOLDERS;
  return [...template.matchAll(PLACEHOLDER_TOKEN)].map((match) => match[1]).filter((name) => !known.includes(name));
}

// The fields as an object (the API refuses unknown ones with it); create/update add the cross-field checks.
export const campaignFieldsSchema = z.object({
  name: text().min(1, 'Name is required').max(200, 'Name is at most 200 characters'),
  channel: z.enum(CAMPAIGN_CHANNEL_VALUES, { error: 'Channel is email or sms' }),
  subject: text().max(200, 'Subject is at most 200 characters').default(''),
  body: text().min(1, 'Message is required').max(10_000, 'Message is at most 10,000 characters'),
  customerGroupIds: z
    .array(uuidSchema, { error: 'Pick at least one group' })
    .min(1, 'Pick at least one group')
    .max(50, 'At most 50 groups')
    .transform((ids) => [...new Set(ids)]),
});

type CampaignFields = z.output<typeof campaignFieldsSchema>;

function checkMessage(campaign: CampaignFields, ctx: z.RefinementCtx) {
  if (campaign.channel === 'email' && !campaign.subject) ctx.addIssue({ code: 'custom', path: ['subject'], message: 'An email needs a subject' });
  for (const field of ['subject', 'body'] as const) {
    const unknown = unknownPlaceholders(campaign[field]);
    if (unknown.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: [field],
        message: `Unknown placeholder ${unknown.map((name) => `{{${name}}}`).join(', ')}: use ${CAMPAIGN_PLACEHOLDERS.map((name) => `{{${name}}}`).join(', ')}`,
      });
    }
  }
}

// An SMS has no subject: whatever was typed there is dropped rather than stored and never sent.
const dropSmsSubject = <T extends CampaignFields>(campaign: T): T => (campaign.channel === 'sms' ? { ...campaign, subject: '' } : campaign);

export const campaignCreateSchema = campaignFieldsSchema.superRefine(checkMessage).transform(dropSmsSubject);

// Drafts are edited as a whole (the form sends every field); `version` refuses an edit made on a stale copy.
export const campaignUpdateSchema = campaignFieldsSchema
  .extend({ version: z.coerce.number({ error: 'Version is required' }).int().min(1) })
  .superRefine(checkMessage)
  .transform(dropSmsSubject);

export const campaignListQuerySchema = z.object({
  limit: z.coerce.number().int('Limit is a whole number').min(1, 'Limit is at least 1').max(200, 'Limit is at most 200').default(50),
  cursor: z.string().max(500).nullish(),
});

export const campaignAudienceQuerySchema = z.object({
  limit: z.coerce.number().int('Limit is a whole number').min(0, 'Limit is at least 0').max(100, 'Limit is at most 100').default(10),
});

export type CampaignCreateInput = z.input<typeof campaignCreateSchema>;
export type CampaignUpdateInput = z.input<typeof campaignUpdateSchema>;
export type CampaignListQuery = z.input<typeof campaignListQuerySchema>;
