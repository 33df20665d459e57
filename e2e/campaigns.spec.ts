import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { clickHydrated, launchBrowser, signIn } from './browser';
import { OWNER } from './fixtures';

// Compose an email campaign to a group, see who it reaches, send it, and find the messages in the server's outbox.
const baseURL = inject('baseURL');
const apiKey = inject('apiKey');
const outboxDir = inject('outboxDir');
const RUN = Date.now().toString(36);
const GROUP = `Newsletter ${RUN}`;
const CONSENTING = ['Ada', 'Grace', 'Hedy'].map((firstName) => ({ firstName, email: `${firstName.toLowerCase()}.${RUN}@campaign.example` }));

let browser: Browser;
let page: Page;

const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000 });

async function api(method: string, route: string, body: unknown): Promise<{ id: string }> {
  const response = await fetch(`${baseURL}/api/v1${route}`, {
    method,
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string };
}

async function outboxMessages(): Promise<string[]> {
  const files = (await readdir(outboxDir).catch(() => [] as string[])).filter((file) => file.endsWith('.eml'));
  const messages = await Promise.all(files.map((file) => readFile(path.join(outboxDir, file), 'utf8')));
  return messages.filter((message) => message.includes(`.${RUN}@campaign.example`));
}

let groupId = '';

describe('campaign journey: compose → audience → send → outbox', () => {
  beforeAll(async () => {
    // Seeded through the API on a group of its own, so other specs' customers cannot change the audience.
    const group = await api('POST', '/customer-groups', { name: GROUP });
    groupId = group.id;
    for (const customer of CONSENTING) await api('POST', '/customers', { ...customer, lastName: 'Tester', customerGroupId: group.id, emailMarketingConsent: true });
    await api('POST', '/customers', { firstName: 'Nosy', email: `nosy.${RUN}@campaign.example`, customerGroupId: group.id, emailMarketingConsent: false });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(20_000);
    await signIn(page, baseURL, OWNER);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('composes an email campaign to the group from the Campaigns page', async () => {
    await page.goto(`${baseURL}/dashboard/customers`);
    await clickHydrated(page.getByRole('link', { name: 'Campaigns' }).first());
    await page.getByRole('link', { name: 'New campaign' }).click();
    await page.getByRole('heading', { name: 'New campaign', level: 1 }).waitFor();
    const form = page.getByRole('form', { name: 'New campaign' });
    await poll(() => form.evaluate((el) => Object.keys(el).some((key) => key.startsWith('__reactProps')))).toBe(true);
    await page.getByLabel('Name').fill(`Spring news ${RUN}`);
    await page.getByLabel(GROUP).check();
    await page.getByLabel('Subject').fill('Spring news for {{firstName}}');
    await page.getByLabel('Message').fill('Dear {{fullName}},\n\nOur spring range is in.\n\n{{shopName}}');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.waitForURL(/\/dashboard\/campaigns\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: `Spring news ${RUN}`, level: 1 }).waitFor();
  });

  it('shows the audience of consenting members only, with rendered previews', async () => {
    expect(await page.getByTestId('audience-count').innerText()).toBe('3');
    const preview = page.getByRole('article', { name: `Message to ${CONSENTING[0].email}` });
    await expect.poll(() => preview.innerText()).toContain('Spring news for Ada');
    expect(await preview.innerText()).toContain('Dear Ada Tester,');
    expect(await page.getByText(`nosy.${RUN}@campaign.example`).count()).toBe(0);
  });

  it('sends after confirmation, shows it sent, and the messages are in the outbox', async () => {
    await page.getByRole('button', { name: 'Send…' }).click();
    await page.getByRole('button', { name: 'Send to 3' }).click();
    // From the moment the dialog closes the count is the audience's, never "0 of 0".
    const progress = page.getByRole('status').filter({ hasText: 'recipients' });
    await progress.waitFor();
    expect(await progress.innerText()).toMatch(/^(Sending… \d of 3|Finished: 3 of 3) recipients$/);
    await poll(() => page.locator('[data-status]').first().getAttribute('data-status')).toBe('sent');
    await poll(() => page.getByRole('status').filter({ hasText: 'Finished: 3 of 3 recipients' }).count()).toBe(1);
    for (const { email } of CONSENTING) await page.getByRole('cell', { name: email }).waitFor();
    // The outcome in words; the raw Message-ID is only in the cell's title.
    expect(await page.getByRole('cell', { name: 'Accepted by the mail server' }).count()).toBe(3);
    expect(await page.getByRole('cell', { name: /@.*>$|^<.*@/ }).count()).toBe(0);

    const messages = await outboxMessages();
    expect(messages).toHaveLength(3);
    for (const { firstName, email } of CONSENTING) {
      const message = messages.find((m) => m.includes(`To: ${email}`));
      expect(message, email).toContain(`Subject: Spring news for ${firstName}`);
      expect(message).toContain(`Dear ${firstName} Tester,`);
    }
    expect(messages.some((m) => m.includes('nosy.'))).toBe(false);
  });

  it('counts the characters and segments of a text message and warns past one segment', async () => {
    await page.goto(`${baseURL}/dashboard/campaigns/new`);
    const form = page.getByRole('form', { name: 'New campaign' });
    await poll(() => form.evaluate((el) => Object.keys(el).some((key) => key.startsWith('__reactProps')))).toBe(true);
    await page.getByLabel('Channel').selectOption('sms');
    await page.getByLabel('Message').fill('a'.repeat(160));
    await poll(() => page.getByText(/160 characters · 1 segment \(GSM-7\)/).count()).toBe(1);
    expect(await page.getByText(/goes as \d+ segments/).count()).toBe(0);
    await page.getByLabel('Message').fill(`${'a'.repeat(60)} Zażółć`);
    await poll(() => page.getByText(/67 characters · 1 segment \(UCS-2\)/).count()).toBe(1);
    await page.getByLabel('Message').fill(`${'a'.repeat(70)} Zażółć`);
    await poll(() => page.getByText(/This message goes as 2 segments/).count()).toBe(1);
    expect(await page.getByText(/“ż”, “ó”, “ł”, “ć” make it use UCS-2/).count()).toBe(1);
  });

  it('sends a test to the owner, then schedules the draft for tomorrow and cancels the schedule', async () => {
    const draft = await api('POST', '/campaigns', { name: `Later ${RUN}`, channel: 'email', subject: `Later ${RUN} for {{firstName}}`, body: 'Hello {{firstName}}', customerGroupIds: [groupId] });
    await page.goto(`${baseURL}/dashboard/campaigns/${draft.id}`);
    await page.getByRole('heading', { name: `Later ${RUN}`, level: 1 }).waitFor();

    await page.getByRole('button', { name: 'Send test…' }).click();
    const testDialog = page.getByRole('dialog', { name: 'Send a test to yourself' });
    expect(await testDialog.getByLabel('Email address').inputValue()).toBe(OWNER.email);
    await testDialog.getByRole('button', { name: 'Send test' }).click();
    await page.getByRole('status').filter({ hasText: `Test sent to ${OWNER.email}` }).waitFor();
    const files = (await readdir(outboxDir)).filter((file) => file.endsWith('.eml'));
    const messages = await Promise.all(files.map((file) => readFile(path.join(outboxDir, file), 'utf8')));
    expect(messages.filter((message) => message.includes(`Subject: [Test] Later ${RUN} for Shop`))).toHaveLength(1);

    await page.getByRole('button', { name: 'Schedule…' }).click();
    const scheduleDialog = page.getByRole('dialog', { name: 'Send this campaign later' });
    expect(await scheduleDialog.getByLabel('Send on').inputValue()).toMatch(/T09:00$/);
    await scheduleDialog.getByRole('button', { name: 'Schedule' }).click();
    await page.getByRole('status').filter({ hasText: 'Scheduled to send on' }).waitFor();
    await poll(() => page.locator('header').getByText('Scheduled', { exact: true }).count()).toBe(1);

    await page.getByRole('button', { name: 'Cancel schedule' }).click();
    await poll(() => page.getByText('Scheduled to send on').count()).toBe(0);
    await poll(() => page.locator('header').getByText('Draft', { exact: true }).count()).toBe(1);
  });
});
