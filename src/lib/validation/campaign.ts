import { z } from 'zod';

import { emailSchema, phoneSchema, text, uuidSchema } from './common';

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

// Far enough ahead that the page can still show it as scheduled; near enough that the audience still means something.
const SCHEDULE_MIN_MS = 60_000;
const SCHEDULE_MAX_DAYS = 365;

/** POST /campaigns/{id}/schedule: when the draft sends itself. */
export const campaignScheduleSchema = z.object({
  sendAt: z.coerce
    .date({ error: 'Use a date and time like 2026-12-24T09:00:00Z' })
    .refine((at) => at.getTime() >= Date.now() + SCHEDULE_MIN_MS, 'Choose a time at least a minute from now')
    .refine((at) => at.getTime() <= Date.now() + SCHEDULE_MAX_DAYS * 86_400_000, `Choose a time within ${SCHEDULE_MAX_DAYS} days`),
});

/** POST /campaigns/{id}/test: one rendered message to the sender; an SMS test needs the phone to send it to. */
export const campaignTestSchema = z.object({
  to: z.string().max(320).optional().describe('Email: default the signed-in staff member\'s address. SMS: required, a phone number'),
});

/** The test's recipient checked by channel, so the error names `to` with the rule that applies. */
export function campaignTestRecipientSchema(channel: 'email' | 'sms') {
  return z.object({ to: channel === 'email' ? emailSchema : phoneSchema });
}

export type CampaignScheduleInput = z.input<typeof campaignScheduleSchema>;
export type CampaignTestInput = z.input<typeof campaignTestSchema>;
export type CampaignCreateInput = z.input<typeof campaignCreateSchema>;
export type CampaignUpdateInput = z.input<typeof campaignUpdateSchema>;
export type CampaignListQuery = z.input<typeof campaignListQuerySchema>;
