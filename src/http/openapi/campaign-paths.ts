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
    '/campaigns/{id}/schedule': {
      parameters: [campaignId],
      post: {
        operationId: 'scheduleCampaign',
        tags: CAMPAIGNS,
        summary: 'Send the draft by itself at a later time (or move its time)',
        description:
          '`sendAt` is at least a minute and at most a year ahead. At that moment the send starts as POST /campaigns/{id}/send would then: ' +
          'the audience is fixed at that moment, not now. It runs once, on whichever app instance is free, and survives restarts. ' +
          'If nobody is left to send to by then, the campaign stays a draft and `scheduleError` says why.',
        requestBody: jsonBody('CampaignSchedule'),
        responses: { 200: jsonResponse('The draft with its `scheduledFor`', 'Campaign'), ...problems(400, 403, 404, 409, 422) },
      },
      delete: {
        operationId: 'cancelCampaignSchedule',
        tags: CAMPAIGNS,
        summary: 'Take back a schedule whose send has not started',
        description: 'A 409 once the send has started. Send no body (or `{}`).',
        responses: { 200: jsonResponse('The draft, no longer scheduled', 'Campaign'), ...problems(400, 403, 404, 409) },
      },
    },
    '/campaigns/{id}/test': {
      parameters: [campaignId],
      post: {
        operationId: 'sendCampaignTest',
        tags: CAMPAIGNS,
        summary: 'Send one test message to yourself',
        description:
          "The message filled in with the caller's name, marked `[Test]` in the subject. Email goes to `to`, or the signed-in staff member's address; " +
          'an SMS test needs `to`, a phone number. Nothing is recorded as a delivery or on any timeline.',
        requestBody: jsonBody('CampaignTest'),
        responses: { 200: jsonResponse('Where the test went', 'CampaignTestResult'), ...problems(400, 403, 404, 422) },
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
