import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { campaignDeliveries, customerGroups, jobs } from '@/db/schema';
import { createStaffActor } from '@/test/actors';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { createCampaign, getCampaign } from '../campaigns';
import { createCustomer } from '../customers';
import { ConflictError, ForbiddenError, ValidationFailedError } from '../errors';
import { claimJob } from '../jobs/queue';
import { executeJob, newLeaseOwner } from '../jobs/run';
import { cancelCampaignSchedule, CAMPAIGN_SCHEDULED_SEND_JOB, campaignScheduledSendJob, scheduleCampaignSend } from './schedule';
import type { OutgoingMessage } from './send';
import { sendCampaignTest } from './test-send';

withTestDatabase();

let admin: Awaited<ReturnType<typeof createStaffActor>>;
let groupId: string;
let outbox: string;

beforeAll(async () => {
  // The scheduled send's real transport writes here, not into the project's data folder.
  outbox = await mkdtemp(path.join(tmpdir(), 'outbox-'));
  process.env.OUTBOX_DIR = outbox;
  admin = await createStaffActor('admin', 'Ada Admin');
  [{ id: groupId }] = await getDb().insert(customerGroups).values({ name: `Scheduled ${Date.now()}` }).returning({ id: customerGroups.id });
  for (let i = 0; i < 3; i += 1) {
    await createCustomer({ actor: admin, input: { firstName: `Reader${i}`, email: `reader${i}.${Date.now()}@example.test`, phone: `+4479111234${String(i).padStart(2, '0')}`, customerGroupId: groupId, emailMarketingConsent: true } });
  }
});

afterAll(async () => {
  delete process.env.OUTBOX_DIR;
  if (outbox) await rm(outbox, { recursive: true, force: true });
});

const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000);
const draft = (name: string, channel: 'email' | 'sms' = 'email') => ({ name, channel, subject: channel === 'email' ? 'News for {{firstName}}' : '', body: 'Hello {{firstName}}', customerGroupIds: [groupId] });
const jobOf = async (campaignId: string) => (await getDb().select().from(jobs).where(eq(jobs.key, `${CAMPAIGN_SCHEDULED_SEND_JOB}:${campaignId}`)).orderBy(sql`${jobs.createdAt} desc`))[0];
/** Lets the schedule's moment pass without waiting for it. */
const makeDue = (campaignId: string) => getDb().update(jobs).set({ runAfter: sql`now() - interval '1 second'` }).where(eq(jobs.key, `${CAMPAIGN_SCHEDULED_SEND_JOB}:${campaignId}`));
async function runDueJob() {
  const claimed = await claimJob({ owner: newLeaseOwner(), kinds: [CAMPAIGN_SCHEDULED_SEND_JOB] });
  return claimed ? executeJob(claimed, campaignScheduledSendJob) : null;
}

describe(`scheduled campaign sends (${TEST_DB_KIND})`, () => {
  it('waits for its moment, then sends as if Send were pressed then', async () => {
    const campaign = await createCampaign({ actor: admin, input: draft('Friday news') });
    const sendAt = inMinutes(90);
    const scheduled = await scheduleCampaignSend({ actor: admin, id: campaign.id, input: { sendAt: sendAt.toISOString() } });
    expect(scheduled).toMatchObject({ status: 'draft', scheduledFor: sendAt.toISOString(), scheduleError: null });
    // Not before its time: no worker takes it.
    expect(await runDueJob()).toBeNull();
    await makeDue(campaign.id);
    expect(await runDueJob()).toMatchObject({ status: 'succeeded', result: { started: true } });
    await expect.poll(async () => (await getCampaign({ id: campaign.id })).status, { timeout: 15_000 }).toBe('sent');
    expect((await getCampaign({ id: campaign.id })).deliveries).toMatchObject({ sent: 3, total: 3 });
  });

  it('moves a schedule to a new time, and cancels it so that nothing is sent', async () => {
    const campaign = await createCampaign({ actor: admin, input: draft('Moved') });
    await scheduleCampaignSend({ actor: admin, id: campaign.id, input: { sendAt: inMinutes(60).toISOString() } });
    const later = inMinutes(120);
    expect((await scheduleCampaignSend({ actor: admin, id: campaign.id, input: { sendAt: later.toISOString() } })).scheduledFor).toBe(later.toISOString());
    expect(await getDb().select().from(jobs).where(eq(jobs.key, `${CAMPAIGN_SCHEDULED_SEND_JOB}:${campaign.id}`))).toHaveLength(1);
    expect((await jobOf(campaign.id)).runAfter?.toISOString()).toBe(later.toISOString());

    expect((await cancelCampaignSchedule({ actor: admin, id: campaign.id })).scheduledFor).toBeNull();
    expect((await jobOf(campaign.id)).status).toBe('cancelled');
    await makeDue(campaign.id);
    expect(await runDueJob()).toBeNull();
    expect(await getDb().select().from(campaignDeliveries).where(eq(campaignDeliveries.campaignId, campaign.id))).toHaveLength(0);
  });

  it('refuses a time in the past, staff without the send permission, and a campaign already sending', async () => {
    const campaign = await createCampaign({ actor: admin, input: draft('Refusals') });
    const past = await scheduleCampaignSend({ actor: admin, id: campaign.id, input: { sendAt: new Date(Date.now() - 60_000).toISOString() } }).catch((error: unknown) => error);
    expect(past).toBeInstanceOf(ValidationFailedError);
    expect((past as ValidationFailedError).fieldErrors).toEqual([{ path: 'sendAt', message: 'Choose a time at least a minute from now' }]);
    await expect(scheduleCampaignSend({ actor: await createStaffActor('staff'), id: campaign.id, input: { sendAt: inMinutes(60).toISOString() } })).rejects.toBeInstanceOf(ForbiddenError);
    await scheduleCampaignSend({ actor: admin, id: campaign.id, input: { sendAt: inMinutes(60).toISOString() } });
    await makeDue(campaign.id);
    await runDueJob();
    await expect(cancelCampaignSchedule({ actor: admin, id: campaign.id })).rejects.toBeInstanceOf(ConflictError);
  });

  it('keeps the reason on the campaign when nobody is left to send to at the scheduled moment', async () => {
    const campaign = await createCampaign({ actor: admin, input: draft('Nobody by then', 'sms') });
    await scheduleCampaignSend({ actor: admin, id: campaign.id, input: { sendAt: inMinutes(30).toISOString() } });
    await makeDue(campaign.id);
    expect(await runDueJob()).toMatchObject({ status: 'succeeded', result: { started: false } });
    expect(await getCampaign({ id: campaign.id })).toMatchObject({ status: 'draft', scheduleError: expect.stringContaining('no one to send to') });
  });
});

describe(`test sends (${TEST_DB_KIND})`, () => {
  it("sends one copy filled with the sender's name to the sender's own address, marked as a test, and records no delivery", async () => {
    const campaign = await createCampaign({ actor: admin, input: draft('Test me') });
    const sent: OutgoingMessage[] = [];
    const transport = async (message: OutgoingMessage) => (sent.push(message), { messageId: 'test' });
    const { to } = await sendCampaignTest({ actor: admin, id: campaign.id, transport });
    expect(to).toMatch(/@/);
    expect(sent).toEqual([{ channel: 'email', to, subject: '[Test] News for Ada', text: 'Hello Ada' }]);
    expect(await getDb().select().from(campaignDeliveries).where(eq(campaignDeliveries.campaignId, campaign.id))).toHaveLength(0);
  });

  it('texts an SMS test to the phone given, and asks for one when there is none', async () => {
    const campaign = await createCampaign({ actor: admin, input: draft('Text me', 'sms') });
    const sent: OutgoingMessage[] = [];
    const transport = async (message: OutgoingMessage) => (sent.push(message), { messageId: 'test' });
    const missing = await sendCampaignTest({ actor: admin, id: campaign.id, transport }).catch((error: unknown) => error);
    expect((missing as ValidationFailedError).fieldErrors).toEqual([{ path: 'to', message: 'Enter the phone number to text the test to' }]);
    const bad = await sendCampaignTest({ actor: admin, id: campaign.id, input: { to: '12' }, transport }).catch((error: unknown) => error);
    expect((bad as ValidationFailedError).fieldErrors?.[0]?.path).toBe('to');
    expect(await sendCampaignTest({ actor: admin, id: campaign.id, input: { to: '07911 123456' }, transport })).toEqual({ to: '+447911123456' });
    expect(sent).toEqual([{ channel: 'sms', to: '+447911123456', subject: '', text: 'Hello Ada' }]);
  });
});
