import type { z } from 'zod';

import { campaignAudienceQuerySchema, campaignListQuerySchema, CAMPAIGN_PLACEHOLDERS } from '@/lib/validation/campaign';

import { jsonBody, jsonResponse, problems, queryParametersOf, ref } from './operations';

type ListParam = keyof z.input<typeof campaignListQuerySchema>;
type AudienceParam = keyof z.input<typeof campaignAudienceQuerySchema>;

const LIST_PARAMETERS: Record<ListParam, string> = { limit: 'Page size', cursor: 'The `nextCursor` of the previous page, unchanged' };
const AUDIENCE_PARAMETERS: Record<AudienceParam, string> = { limit: 'How many recipients to preview' };

const campaignId = ref('parameters', 'CampaignId');
const CAMPAIGNS = ['Campaigns'];
const placeholders = CAMPAIGN_PLACEHOLDERS.map((name) => `\`{{${name}}}\``).join(', ');

/** The paths of campaigns: compose, preview the audience, send. */
export function campaignPaths() {
  return {
    '/campaigns': {
      get: {
        operationId: 'listCampaigns',
        tags: CAMPAIGNS,
        summary: 'List campaigns, newest first, with delivery counts',
        parameters: queryParametersOf(campaignListQuerySchema, LIST_PARAMETERS, ['limit', 'cursor']),
        responses: { 200: jsonResponse('A page of campaigns', 'CampaignPage'), ...problems(422) },
      },
      post: {
        operationId: 'createCampaign',
        tags: CAMPAIGNS,
        summary: 'Save a draft campaign to one or more customer groups',
        description:
          `\`subject\` is required for email and dropped for SMS. Subject and body may use ${placeholders}; ` +
          'any other `{{…}}` is a 422 naming the field. An empty name reads as "there".',
        requestBody: jsonBody('CampaignCreate'),
        responses: {
          201: {
            ...jsonResponse('The draft', 'Campaign'),
            headers: { Location: { description: 'The path of the new campaign', required: true, schema: { type: 'string' } } },
          },
          ...problems(400, 403, 422),
        },
      },
    },
    '/campaigns/{id}': {
      parameters: [campaignId],
      get: {
        operationId: 'getCampaign',
        tags: CAMPAIGNS,
        summary: 'One campaign with its target groups and delivery counts (poll it while sending)',
        responses: { 200: jsonResponse('The campaign', 'Campaign'), ...problems(404) },
      },
    },
    '/campaigns/{id}/audience': {
      parameters: [campaignId],
      get: {
        operationId: 'getCampaignAudience',
        tags: CAMPAIGNS,
        summary: 'Who the campaign would reach now',
        description:
          'Members of the target groups who consented to the channel (email: marketing consent and an email; SMS: SMS consent and a phone), never erased customers. ' +
          'Computed from current data; once sending starts, the recipients are fixed as deliveries.',
        parameters: queryParametersOf(campaignAudienceQuerySchema, AUDIENCE_PARAMETERS, ['limit']),
        responses: { 200: jsonResponse('The count and a preview', 'CampaignAudience'), ...problems(404, 422) },
      },
    },
    '/campaigns/{id}/send': {
      parameters: [campaignId],
      post: {
        operationId: 'sendCampaign',
        tags: CAMPAIGNS,
        summary: 'Send the campaign',
        description:
          'Fixes the audience as one pending delivery per recipient and sends in the background (202, status `sending`); ' +
          'poll GET /campaigns/{id} for the counts. Nobody is messaged twice: calling it again for a campaign left `sending` (say, after a restart) ' +
          'resumes with the recipients still pending, and for a `sent` campaign answers 200 and sends nothing. An empty audience is a 409. Send no body (or `{}`).',
        responses: {
          200: jsonResponse('The campaign was already sent; nothing was sent again', 'Campaign'),
          202: jsonResponse('Sending has started (or resumed) in the background', 'Campaign'),
          ...problems(400, 403, 404, 409),
        },
      },
    },
  };
}
