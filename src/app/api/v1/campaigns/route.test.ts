import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';

import { campaignAudienceSchema, campaignSchema, campaignSummarySchema } from '@/http/openapi/campaign-schemas';
import type { Campaign, CampaignAudience, CampaignSummary } from '@/lib/campaign-types';
import type { CustomerGroup, Page } from '@/lib/types';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { apiKey, call, problemOf } from '@/http/test-http';
import * as groupsRoute from '../customer-groups/route';
import * as customersRoute from '../customers/route';
import * as audienceRoute from './[id]/audience/route';
import * as campaignRoute from './[id]/route';
import * as scheduleRoute from './[id]/schedule/route';
import * as sendRoute from './[id]/send/route';
import * as testRoute from './[id]/test/route';
import * as campaignsRoute from './route';

withTestDatabase();

let adminKey: string;
let staffKey: string;
let vipId: string;
let outbox: string;

beforeAll(async () => {
  adminKey = await apiKey('admin');
  staffKey = await apiKey('staff');
  outbox = await mkdtemp(path.join(tmpdir(), 'outbox-api-'));
  process.env.OUTBOX_DIR = outbox;
  const groups = (await (await call(groupsRoute.GET, 'GET', '/customer-groups', { key: staffKey })).json()) as Page<CustomerGroup>;
  vipId = groups.data.find((g) => g.name === 'VIP')!.id;
  for (const [firstName, consent] of [['Ada', true], ['Grace', true], ['Linus', false]] as const) {
    const response = await call(customersRoute.POST, 'POST', '/customers', {
      key: adminKey,
      body: { firstName, email: `${firstName.toLowerCase()}@example.test`, customerGroupId: vipId, emailMarketingConsent: consent },
    });
    expect(response.status).toBe(201);
  }
});

afterAll(async () => {
  delete process.env.OUTBOX_DIR;
  if (outbox) await rm(outbox, { recursive: true, force: true });
});

async function waitForSent(id: string): Promise<Campaign> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const campaign = (await (await call(campaignRoute.GET, 'GET', `/campaigns/${id}`, { key: staffKey, params: { id } })).json()) as Campaign;
    if (campaign.status === 'sent') return campaign;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('campaign not sent in time');
}

describe(`campaigns through the REST API (${TEST_DB_KIND})`, () => {
  it('creates a draft, previews its audience, sends it in the background, and sends nothing on a second call', async () => {
    const created = await call(campaignsRoute.POST, 'POST', '/campaigns', {
      key: adminKey,
      body: { name: 'Welcome', channel: 'email', subject: 'Hi {{firstName}}', body: 'Hello {{fullName}}', customerGroupIds: [vipId] },
    });
    expect(created.status).toBe(201);
    const campaign = (await created.json()) as Campaign;
    expect(created.headers.get('location')).toBe(`/api/v1/campaigns/${campaign.id}`);
    expect(campaignSchema.parse(campaign)).toEqual(campaign);
    expect(campaign).toMatchObject({ status: 'draft', groups: [{ id: vipId, name: 'VIP' }], deliveries: { total: 0 } });

    const audience = await call(audienceRoute.GET, 'GET', `/campaigns/${campaign.id}/audience?limit=1`, { key: staffKey, params: { id: campaign.id } });
    expect(audience.status).toBe(200);
    const body = (await audience.json()) as CampaignAudience;
    expect(campaignAudienceSchema.parse(body)).toEqual(body);
    expect(body).toEqual({ count: 2, preview: [expect.objectContaining({ firstName: 'Ada', address: 'ada@example.test' })] });

    const denied = await call(sendRoute.POST, 'POST', `/campaigns/${campaign.id}/send`, { key: staffKey, params: { id: campaign.id } });
    expect(denied.status).toBe(403);

    const started = await call(sendRoute.POST, 'POST', `/campaigns/${campaign.id}/send`, { key: adminKey, params: { id: campaign.id } });
    expect(started.status).toBe(202);
    expect(((await started.json()) as Campaign).status).toBe('sending');
    const sent = await waitForSent(campaign.id);
    expect(sent.deliveries).toEqual({ pending: 0, sent: 2, failed: 0, total: 2 });
    expect((await readdir(outbox)).filter((f) => f.endsWith('.eml'))).toHaveLength(2);

    const again = await call(sendRoute.POST, 'POST', `/campaigns/${campaign.id}/send`, { key: adminKey, params: { id: campaign.id } });
    expect(again.status).toBe(200);
    expect((await readdir(outbox)).filter((f) => f.endsWith('.eml'))).toHaveLength(2);

    const list = await call(campaignsRoute.GET, 'GET', '/campaigns?limit=10', { key: staffKey });
    const page = (await list.json()) as Page<CampaignSummary>;
    expect(page.data.map((c) => [c.name, c.status, c.deliveries.sent])).toEqual([['Welcome', 'sent', 2]]);
  });

  it('refuses an unknown placeholder and an unknown field with 422 naming them, and an unknown id with 404', async () => {
    const bad = await call(campaignsRoute.POST, 'POST', '/campaigns', {
      key: adminKey,
      body: { name: 'Bad', channel: 'sms', body: 'Hi {{nickname}}', customerGroupIds: [vipId], colour: 'red' },
    });
    expect(await problemOf(bad)).toMatchObject({ status: 422, paths: ['colour'] });
    const unknownPlaceholder = await call(campaignsRoute.POST, 'POST', '/campaigns', {
      key: adminKey,
      body: { name: 'Bad', channel: 'sms', body: 'Hi {{nickname}}', customerGroupIds: [vipId] },
    });
    expect(await problemOf(unknownPlaceholder)).toMatchObject({ status: 422, paths: ['body'] });
    for (const id of ['nope', crypto.randomUUID()]) {
      expect((await call(campaignRoute.GET, 'GET', `/campaigns/${id}`, { key: staffKey, params: { id } })).status).toBe(404);
    }
  });

  it('schedules a draft, moves and cancels the schedule, and sends a test, for managers only', async () => {
    const created = await call(campaignsRoute.POST, 'POST', '/campaigns', {
      key: adminKey,
      body: { name: 'Later', channel: 'email', subject: 'Soon, {{firstName}}', body: 'Hello {{firstName}}', customerGroupIds: [vipId] },
    });
    const { id } = (await created.json()) as Campaign;
    const sendAt = new Date(Date.now() + 3_600_000).toISOString();
    expect((await call(scheduleRoute.POST, 'POST', `/campaigns/${id}/schedule`, { key: staffKey, params: { id }, body: { sendAt } })).status).toBe(403);
    expect(await problemOf(await call(scheduleRoute.POST, 'POST', `/campaigns/${id}/schedule`, { key: adminKey, params: { id }, body: { sendAt: 'soon' } }))).toMatchObject({ status: 422, paths: ['sendAt'] });
    const scheduled = await call(scheduleRoute.POST, 'POST', `/campaigns/${id}/schedule`, { key: adminKey, params: { id }, body: { sendAt } });
    expect(scheduled.status).toBe(200);
    expect(campaignSchema.parse(await scheduled.json())).toMatchObject({ status: 'draft', scheduledFor: sendAt, scheduleError: null });
    const cancelled = await call(scheduleRoute.DELETE, 'DELETE', `/campaigns/${id}/schedule`, { key: adminKey, params: { id } });
    expect(((await cancelled.json()) as Campaign).scheduledFor).toBeNull();

    const before = (await readdir(outbox)).length;
    expect(await problemOf(await call(testRoute.POST, 'POST', `/campaigns/${id}/test`, { key: adminKey, params: { id }, body: {} }))).toMatchObject({ status: 422, paths: ['to'] });
    const test = await call(testRoute.POST, 'POST', `/campaigns/${id}/test`, { key: adminKey, params: { id }, body: { to: 'Me@Example.test' } });
    expect(await test.json()).toEqual({ to: 'me@example.test' });
    expect((await readdir(outbox)).length).toBe(before + 1);
  });

  it('has response schemas whose types are exactly the campaign types the services return', () => {
    expectTypeOf<z.output<typeof campaignSchema>>().toEqualTypeOf<Campaign>();
    expectTypeOf<z.output<typeof campaignSummarySchema>>().toEqualTypeOf<CampaignSummary>();
    expectTypeOf<z.output<typeof campaignAudienceSchema>>().toEqualTypeOf<CampaignAudience>();
  });
});
