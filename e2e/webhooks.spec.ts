import type { Browser, Page } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { startWebhookReceiver } from '@/test/webhook-receiver';

import { launchBrowser, signIn } from './browser';
import { OWNER } from './fixtures';

// Add an endpoint in Settings › Webhooks, see its secret once, send a test event to a local receiver, verify its
// signature with the standardwebhooks library, and find the delivery in the endpoint's log.
const baseURL = inject('baseURL');

let browser: Browser;
let page: Page;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let secret = '';

describe('webhooks journey: add an endpoint → secret once → test event → delivery log', () => {
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(20_000);
    await signIn(page, baseURL, OWNER);
  });

  afterAll(async () => {
    await browser?.close();
    await receiver?.close();
  });

  it('adds an endpoint and shows its signing secret once', async () => {
    await page.goto(`${baseURL}/dashboard/settings/webhooks`);
    await page.getByLabel('Endpoint URL').fill(receiver.url);
    await page.getByLabel('Description').fill('E2E receiver');
    await page.getByLabel('customer.created').check();
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const secretBox = page.getByLabel('Signing secret');
    await secretBox.waitFor();
    secret = await secretBox.inputValue();
    expect(secret).toMatch(/^whsec_/);
    await page.getByRole('button', { name: 'Done' }).click();
    await page.reload();
    expect(await page.content()).not.toContain(secret);
    await expect.poll(() => page.getByText(receiver.url).count()).toBeGreaterThan(0);
  });

  it('sends a test event that the receiver verifies, and lists it in the delivery log', async () => {
    await page.getByRole('button', { name: 'Send test event' }).first().click();
    await page.getByText('Test event queued').waitFor();
    await expect.poll(() => receiver.received.length, { timeout: 20_000 }).toBeGreaterThan(0);
    const [hook] = receiver.received;
    const payload = new Webhook(secret).verify(hook.body, {
      'webhook-id': String(hook.headers['webhook-id']),
      'webhook-timestamp': String(hook.headers['webhook-timestamp']),
      'webhook-signature': String(hook.headers['webhook-signature']),
    });
    expect(payload).toMatchObject({ type: 'webhook.test' });

    await page.getByRole('link', { name: 'Delivery log' }).first().click();
    await page.getByRole('heading', { name: 'Delivery log' }).waitFor();
    await expect
      .poll(async () => {
        await page.reload();
        return page.getByRole('row').filter({ hasText: 'webhook.test' }).filter({ hasText: 'succeeded' }).count();
      }, { timeout: 20_000 })
      .toBe(1);
  });

  it("changes the endpoint's description and events from its log page, and refuses a bad URL naming the field", async () => {
    await page.getByText('Edit URL, description and events').click();
    const form = page.getByRole('form', { name: 'Edit endpoint' });
    await form.getByLabel('Description').fill('E2E receiver, renamed');
    await form.getByLabel('order.completed').check();
    await form.getByRole('button', { name: 'Save changes' }).click();
    await form.getByText('Saved.').waitFor();
    await page.goto(`${baseURL}/dashboard/settings/webhooks`);
    await page.getByText('E2E receiver, renamed').waitFor();
    expect(await page.getByText('order.completed').count()).toBeGreaterThan(0);

    await page.getByRole('link', { name: 'Delivery log' }).first().click();
    await page.getByText('Edit URL, description and events').click();
    await form.getByLabel('Endpoint URL').fill('not a url');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => form.getByLabel('Endpoint URL').getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByLabel('Endpoint URL').inputValue()).toBe('not a url');
  });
});
