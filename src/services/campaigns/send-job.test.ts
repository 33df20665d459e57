import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { customerGroups, jobs } from '@/db/schema';
import { createStaffActor } from '@/test/actors';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { createCampaign, getCampaign, sendCampaign, startCampaignSend } from '../campaigns';
import { createCustomer } from '../customers';
import { checkpointJob } from '../jobs/lease';
import { claimJob } from '../jobs/queue';
import { readJob } from '../jobs/read';
import { runJobNow } from '../jobs/run';
import { CAMPAIGN_SEND_JOB, campaignSendJob } from './send';

withTestDatabase();

let admin: Awaited<ReturnType<typeof createStaffActor>>;
let vipId: string;
let outbox: string;

beforeAll(async () => {
  admin = await createStaffActor('admin');
  [{ id: vipId }] = await getDb().select({ id: customerGroups.id }).from(customerGroups).where(eq(customerGroups.name, 'VIP'));
  for (let i = 0; i < 12; i += 1) {
    await createCustomer({ actor: admin, input: { firstName: `Vip${i}`, email: `vip${String(i).padStart(2, '0')}@example.test`, customerGroupId: vipId, emailMarketingConsent: true } });
  }
  outbox = await mkdtemp(path.join(tmpdir(), 'outbox-'));
  process.env.OUTBOX_DIR = outbox;
});

afterAll(async () => {
  delete process.env.OUTBOX_DIR;
  if (outbox) await rm(outbox, { recursive: true, force: true });
});

const draft = (name: string) => ({ name, channel: 'email' as const, subject: 'Hi {{firstName}}', body: 'Hello', customerGroupIds: [vipId] });
const emls = async () => (await readdir(outbox)).filter((file) => file.endsWith('.eml'));
const jobOf = async (campaignId: string) => (await getDb().select().from(jobs).where(eq(jobs.key, `${CAMPAIGN_SEND_JOB}:${campaignId}`)))[0];

describe(`campaign sends as jobs (${TEST_DB_KIND})`, () => {
  it('sends in the background as one job per campaign, its progress the delivery counts', async () => {
    const campaign = await createCampaign({ actor: admin, input: draft('Background') });
    const before = (await emls()).length;
    const { accepted } = await startCampaignSend({ actor: admin, id: campaign.id });
    expect(accepted).toBe(true);
    // A second call while it sends finds the same job.
    await startCampaignSend({ actor: admin, id: campaign.id });
    await expect.poll(async () => (await jobOf(campaign.id))?.status, { timeout: 15_000 }).toBe('succeeded');
    const job = await readJob((await jobOf(campaign.id)).id);
    expect(job).toMatchObject({ kind: CAMPAIGN_SEND_JOB, progress: { done: 12, total: 12 }, result: { sent: 12, failed: 0, pending: 0, total: 12 } });
    expect(job?.payload).toMatchObject({ campaignId: campaign.id, actor: { type: 'staff', id: admin.id } });
    expect((await getCampaign({ id: campaign.id })).status).toBe('sent');
    expect((await emls()).length - before).toBe(12);
    expect(await getDb().select().from(jobs).where(eq(jobs.key, `${CAMPAIGN_SEND_JOB}:${campaign.id}`))).toHaveLength(1);
  });

  it('is taken over after its worker stopped, and messages only those still pending', async () => {
    const campaign = await createCampaign({ actor: admin, input: draft('Taken over') });
    let handedOver = 0;
    const breaking = async () => {
      if (handedOver >= 7) throw new Error('connection lost');
      handedOver += 1;
      return { messageId: `<${handedOver}@test>` };
    };
    await expect(sendCampaign({ actor: admin, id: campaign.id, transport: breaking, batchSize: 5 })).rejects.toThrow('connection lost');
    // A worker of another instance had the job and died after its checkpoint.
    const [{ id }] = await getDb().insert(jobs).values({ kind: CAMPAIGN_SEND_JOB, key: `${CAMPAIGN_SEND_JOB}:${campaign.id}`, payload: { campaignId: campaign.id, actor: admin } }).returning();
    const dead = await claimJob({ owner: 'dead-host:1:x', id });
    await checkpointJob({ id, owner: dead!.leaseOwner! }, { cursor: null, done: 7, total: 12 });
    expect(await runJobNow({ id, definition: campaignSendJob })).toBeNull();
    await getDb().update(jobs).set({ leaseExpiresAt: sql`now() - interval '1 second'` }).where(eq(jobs.id, id));

    const before = (await emls()).length;
    expect(await runJobNow({ id, definition: campaignSendJob })).toMatchObject({ status: 'succeeded' });
    expect((await emls()).length - before).toBe(5);
    expect(await getCampaign({ id: campaign.id })).toMatchObject({ status: 'sent', deliveries: { pending: 0, sent: 12, failed: 0, total: 12 } });
    expect(await readJob(id)).toMatchObject({ status: 'succeeded', attempts: 2, progress: { done: 12, total: 12 } });
  });
});
