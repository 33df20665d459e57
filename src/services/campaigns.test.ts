import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { getDb, queryRows } from '@/db/client';
import { campaignDeliveries, customerEvents, customerGroups, customers } from '@/db/schema';
import { createStaffActor } from '@/test/actors';
import { TEST_DB_KIND, withTestDatabase } from '@/test/database';

import { campaignAudience, createCampaign, getCampaign, listCampaignDeliveries, listCampaigns, sendCampaign, updateCampaign } from './campaigns';
import { RecipientRejectedError, type CampaignTransport, type OutgoingMessage } from './campaigns/send';
import { createCustomer } from './customers';
import { ConflictError, ForbiddenError, ValidationFailedError } from './errors';

withTestDatabase();

let admin: Awaited<ReturnType<typeof createStaffActor>>;
let vipId: string;
let retailId: string;
let wholesalerId: string;
let outbox: string;

async function groupId(name: string) {
  const [{ id }] = await getDb().select({ id: customerGroups.id }).from(customerGroups).where(eq(customerGroups.name, name));
  return id;
}

async function addCustomer(input: { firstName: string; lastName?: string; email?: string; phone?: string; groupId: string; email_ok?: boolean; sms_ok?: boolean }) {
  const customer = await createCustomer({
    actor: admin,
    input: {
      firstName: input.firstName,
      lastName: input.lastName ?? '',
      email: input.email,
      phone: input.phone,
      customerGroupId: input.groupId,
      emailMarketingConsent: input.email_ok ?? false,
      smsMarketingConsent: input.sms_ok ?? false,
    },
  });
  return customer.id;
}

/** Records what it was asked to send; throws an interruption once `failAfter` messages went out. */
function recordingTransport(failAfter = Infinity): CampaignTransport & { sent: OutgoingMessage[] } {
  const sent: OutgoingMessage[] = [];
  const transport = async (message: OutgoingMessage) => {
    if (sent.length >= failAfter) throw new Error('connection lost');
    sent.push(message);
    return { messageId: `<${sent.length}@test>` };
  };
  return Object.assign(transport, { sent });
}

let vipEmails: string[];

beforeAll(async () => {
  admin = await createStaffActor('admin');
  [vipId, retailId, wholesalerId] = await Promise.all([groupId('VIP'), groupId('Retail'), groupId('Wholesaler')]);
  vipEmails = [];
  for (let i = 0; i < 12; i += 1) {
    const email = `vip${String(i).padStart(2, '0')}@example.test`;
    vipEmails.push(email);
    await addCustomer({ firstName: `Vip${i}`, lastName: 'Member', email, groupId: vipId, email_ok: true });
  }
  await addCustomer({ firstName: 'NoConsent', email: 'noconsent@example.test', groupId: vipId, email_ok: false });
  await addCustomer({ firstName: 'SmsOnly', phone: '+447911123456', groupId: vipId, sms_ok: true });
  await addCustomer({ firstName: 'Retail', email: 'retail@example.test', groupId: retailId, email_ok: true });
  const erased = await addCustomer({ firstName: 'Erased', email: 'erased@example.test', groupId: vipId, email_ok: true });
  await getDb().update(customers).set({ erasedAt: new Date() }).where(eq(customers.id, erased));
  outbox = await mkdtemp(path.join(tmpdir(), 'outbox-'));
  process.env.OUTBOX_DIR = outbox;
});

afterAll(async () => {
  delete process.env.OUTBOX_DIR;
  if (outbox) await rm(outbox, { recursive: true, force: true });
});

const emailDraft = (name: string, groups = [vipId]) => ({
  name,
  channel: 'email' as const,
  subject: 'Hello {{firstName}}',
  body: 'Dear {{fullName}}, thanks from {{ shopName }}.',
  customerGroupIds: groups,
});

describe(`campaigns (${TEST_DB_KIND})`, () => {
  it('rejects an unknown placeholder, naming the field and the placeholder', async () => {
    const error = await createCampaign({ actor: admin, input: { ...emailDraft('Typo'), body: 'Hi {{firstname}}' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationFailedError);
    expect((error as ValidationFailedError).fieldErrors).toEqual([{ path: 'body', message: expect.stringContaining('Unknown placeholder {{firstname}}') }]);
  });

  it('requires a subject for email and at least one group', async () => {
    const error = await createCampaign({ actor: admin, input: { ...emailDraft('No subject'), subject: '', customerGroupIds: [] } }).catch((e: unknown) => e);
    expect((error as ValidationFailedError).fieldErrors?.map((f) => f.path).sort()).toEqual(['customerGroupIds', 'subject']);
  });

  it('lets only owners and admins compose', async () => {
    const staff = await createStaffActor('staff');
    await expect(createCampaign({ actor: staff, input: emailDraft('By staff') })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('counts an audience of consenting group members only, never erased or other-group customers', async () => {
    const campaign = await createCampaign({ actor: admin, input: emailDraft('Audience') });
    const audience = await campaignAudience(campaign.id, { limit: 3 });
    expect(audience.count).toBe(12);
    expect(audience.preview.map((r) => r.address)).toEqual(vipEmails.slice(0, 3));

    const sms = await createCampaign({ actor: admin, input: { name: 'Text', channel: 'sms', subject: 'ignored', body: 'Hi {{firstName}}', customerGroupIds: [vipId, retailId] } });
    expect(sms.subject).toBe('');
    const smsAudience = await campaignAudience(sms.id);
    expect(smsAudience).toEqual({ count: 1, preview: [expect.objectContaining({ firstName: 'SmsOnly', address: '+447911123456' })] });

    const both = await campaignAudience((await createCampaign({ actor: admin, input: emailDraft('Both', [vipId, retailId, wholesalerId]) })).id);
    expect(both.count).toBe(13);
  });

  it('edits a draft with the current version only', async () => {
    const campaign = await createCampaign({ actor: admin, input: emailDraft('Edit me') });
    const edited = await updateCampaign({ actor: admin, id: campaign.id, input: { ...emailDraft('Edited', [retailId]), version: campaign.version } });
    expect(edited).toMatchObject({ name: 'Edited', version: campaign.version + 1, groups: [{ id: retailId, name: 'Retail' }] });
    await expect(updateCampaign({ actor: admin, id: campaign.id, input: { ...emailDraft('Stale'), version: campaign.version } })).rejects.toBeInstanceOf(ConflictError);
  });

  it('sends one .eml per recipient with the placeholders filled, then refuses edits', async () => {
    const campaign = await createCampaign({ actor: admin, input: emailDraft('Spring sale') });
    const before = new Set(await readdir(outbox));
    const progress: number[] = [];
    const sent = await sendCampaign({ actor: admin, id: campaign.id, batchSize: 5, onProgress: (counts) => progress.push(counts.sent) });
    expect(sent.status).toBe('sent');
    expect(sent.sentAt).not.toBeNull();
    expect(sent.deliveries).toEqual({ pending: 0, sent: 12, failed: 0, total: 12 });
    expect(progress).toEqual([5, 10, 12]);

    const files = (await readdir(outbox)).filter((f) => f.endsWith('.eml') && !before.has(f));
    expect(files).toHaveLength(12);
    const messages = await Promise.all(files.map((f) => readFile(path.join(outbox, f), 'utf8')));
    const first = messages.find((m) => m.includes('To: vip00@example.test'));
    expect(first).toContain('Subject: Hello Vip0');
    expect(first).toContain('Dear Vip0 Member, thanks from Demo Gift Shop.');
    expect(messages.filter((m) => m.includes('noconsent') || m.includes('retail@') || m.includes('erased@'))).toEqual([]);

    const deliveries = await listCampaignDeliveries({ campaignId: campaign.id, limit: 50 });
    expect(deliveries.data).toHaveLength(12);
    expect(deliveries.data.every((d) => d.status === 'sent' && d.messageId && d.sentAt)).toBe(true);
    // Page by page (the dashboard's results), each recipient once and in the same order.
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listCampaignDeliveries>> = await listCampaignDeliveries({ campaignId: campaign.id, cursor, limit: 5 });
      paged.push(...page.data.map((d) => d.customerId));
      cursor = page.nextCursor;
    } while (cursor && paged.length < 50);
    expect(paged).toEqual(deliveries.data.map((d) => d.customerId));
    // A bare customer id (the old page link) is no cursor.
    await expect(listCampaignDeliveries({ campaignId: campaign.id, cursor: deliveries.data[0].customerId })).rejects.toBeInstanceOf(ValidationFailedError);
    const [someone] = deliveries.data;
    const events = await getDb().select().from(customerEvents).where(eq(customerEvents.customerId, someone.customerId));
    expect(events.filter((e) => e.type === 'campaign.sent').map((e) => e.data)).toEqual([{ campaignId: campaign.id, campaignName: 'Spring sale', channel: 'email' }]);

    await expect(updateCampaign({ actor: admin, id: campaign.id, input: { ...emailDraft('Late'), version: sent.version } })).rejects.toBeInstanceOf(ConflictError);
    // Sending again messages nobody.
    const again = recordingTransport();
    await sendCampaign({ actor: admin, id: campaign.id, transport: again });
    expect(again.sent).toEqual([]);
  });

  it('resumes an interrupted send with only those not yet sent', async () => {
    const campaign = await createCampaign({ actor: admin, input: emailDraft('Interrupted') });
    const broken = recordingTransport(7);
    await expect(sendCampaign({ actor: admin, id: campaign.id, transport: broken, batchSize: 5 })).rejects.toThrow('connection lost');
    const halfway = await getCampaign({ id: campaign.id });
    expect(halfway.status).toBe('sending');
    expect(halfway.deliveries).toEqual({ pending: 5, sent: 7, failed: 0, total: 12 });

    const resumed = recordingTransport();
    const done = await sendCampaign({ actor: admin, id: campaign.id, transport: resumed });
    expect(done.status).toBe('sent');
    expect(resumed.sent).toHaveLength(5);
    expect([...broken.sent, ...resumed.sent].map((m) => m.to).sort()).toEqual(vipEmails);
  });

  it('records a refused address as failed and goes on', async () => {
    const campaign = await createCampaign({ actor: admin, input: emailDraft('One bounces') });
    const transport = recordingTransport();
    const refusing: CampaignTransport = async (message) => {
      if (message.to === 'vip03@example.test') throw new RecipientRejectedError('550 mailbox unavailable');
      return transport(message);
    };
    const done = await sendCampaign({ actor: admin, id: campaign.id, transport: refusing });
    expect(done.deliveries).toEqual({ pending: 0, sent: 11, failed: 1, total: 12 });
    const failed = (await listCampaignDeliveries({ campaignId: campaign.id })).data.filter((d) => d.status === 'failed');
    expect(failed).toEqual([expect.objectContaining({ address: 'vip03@example.test', error: '550 mailbox unavailable' })]);
  });

  it('lets only owners and admins send, and refuses a campaign nobody would receive', async () => {
    const staff = await createStaffActor('staff');
    const campaign = await createCampaign({ actor: admin, input: emailDraft('Guarded') });
    await expect(sendCampaign({ actor: staff, id: campaign.id, transport: recordingTransport() })).rejects.toBeInstanceOf(ForbiddenError);
    const empty = await createCampaign({ actor: admin, input: emailDraft('Wholesale', [wholesalerId]) });
    await expect(sendCampaign({ actor: admin, id: empty.id, transport: recordingTransport() })).rejects.toThrow(/no one to send to/);
    expect((await getCampaign({ id: empty.id })).status).toBe('draft');
  });

  it('lists campaigns newest first with their delivery counts, page by page', async () => {
    const first = await listCampaigns({ limit: 2 });
    expect(first.data).toHaveLength(2);
    const rest = await listCampaigns({ limit: 50, cursor: first.nextCursor });
    const all = [...first.data, ...rest.data];
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
    expect(all.find((c) => c.name === 'Spring sale')?.deliveries.sent).toBe(12);
  });

  it.runIf(TEST_DB_KIND === 'postgres')('sends each recipient once when two senders run at once', async () => {
    const campaign = await createCampaign({ actor: admin, input: emailDraft('Concurrent') });
    const a = recordingTransport();
    const b = recordingTransport();
    const slow = (t: CampaignTransport): CampaignTransport => async (m) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return t(m);
    };
    await Promise.all([
      sendCampaign({ actor: admin, id: campaign.id, transport: slow(a), batchSize: 2 }),
      sendCampaign({ actor: admin, id: campaign.id, transport: slow(b), batchSize: 2 }),
    ]);
    expect([...a.sent, ...b.sent].map((m) => m.to).sort()).toEqual(vipEmails);
    expect(a.sent.length).toBeGreaterThan(0);
    expect(b.sent.length).toBeGreaterThan(0);
    expect((await getCampaign({ id: campaign.id })).status).toBe('sent');
  });

  it.runIf(TEST_DB_KIND === 'postgres')('resumes a send whose process was killed, re-sending at most the batch that was in flight', async () => {
    const campaign = await createCampaign({ actor: admin, input: emailDraft('Killed') });
    const [{ name }] = await queryRows<{ name: string }>(getDb(), sql`select current_database() as name`);
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    const log = path.join(outbox, `killed-${campaign.id}.log`);
    // Node itself with tsx's loader: tsx's command runs the script in a child process of its own, which a kill of the
    // command leaves running, still sending after the "kill".
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/test/campaign-sender.ts', url.toString(), campaign.id, log], { stdio: 'ignore' });
    const handedOver = async () => (await readFile(log, 'utf8').catch(() => '')).split('\n').filter(Boolean);
    const started = Date.now();
    while ((await handedOver()).length < 7 && Date.now() - started < 30_000) await new Promise((resolve) => setTimeout(resolve, 20));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    // The server rolls the killed sender's open batch back once it notices the lost connection.
    const lockedByOthers = sql`select count(*)::int as open from pg_locks l join pg_stat_activity a on a.pid = l.pid
      where a.datname = ${name} and l.relation = 'campaign_deliveries'::regclass and a.pid <> pg_backend_pid()`;
    while ((await queryRows<{ open: number }>(getDb(), lockedByOthers))[0].open > 0) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const beforeKill = await handedOver();
    expect(beforeKill.length).toBeGreaterThanOrEqual(7);
    const committed = await getDb()
      .select({ address: campaignDeliveries.address })
      .from(campaignDeliveries)
      .where(and(eq(campaignDeliveries.campaignId, campaign.id), eq(campaignDeliveries.status, 'sent')));
    expect(committed.length).toBeGreaterThanOrEqual(5);

    const resumed = recordingTransport();
    const done = await sendCampaign({ actor: admin, id: campaign.id, transport: resumed });
    expect(done.deliveries).toEqual({ pending: 0, sent: 12, failed: 0, total: 12 });
    const resent = resumed.sent.map((m) => m.to);
    // Everyone got it; nobody whose delivery was committed is messaged again; only the killed batch's
    // uncommitted part (fewer than 5) can be messaged twice, since the transport is outside the database.
    expect(new Set([...beforeKill, ...resent])).toEqual(new Set(vipEmails));
    expect(resent.filter((to) => committed.some((c) => c.address === to))).toEqual([]);
    expect(resent.filter((to) => beforeKill.includes(to)).length).toBeLessThan(5);
  }, 60_000);
});
