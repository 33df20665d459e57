import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { launchBrowser, signIn } from './browser';
import { OWNER } from './fixtures';

// Suggestions journey: a batch classification over tagged traders, accepting one suggestion, and the customer's group
// and discount eligibility following. Seeded through the REST API with the suite's admin key.
const baseURL = inject('baseURL');
const apiKey = inject('apiKey');
// Set E2E_SCREENSHOT_DIR to keep the page at 1440 and 390 px (suggestions.png, suggestions-phone.png).
const SCREENSHOT_DIR = process.env.E2E_SCREENSHOT_DIR;
const TAG = `sugg-${Date.now().toString(36)}`;
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 30_000, interval: 300 });

let browser: Browser;
let page: Page;
const ids: Record<string, string> = {};

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseURL}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${apiKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status >= 400) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** A Retail customer with two completed 40-item orders: the built-in rules suggest Wholesaler. */
async function trader(firstName: string, retailId: string): Promise<string> {
  const { id } = await api<{ id: string }>('POST', '/customers', { firstName, lastName: 'Trader', email: `${firstName.toLowerCase()}.${TAG}@trade.example`, customerGroupId: retailId, tags: [TAG] });
  for (const daysAgo of [7, 35]) {
    const order = await api<{ id: string }>('POST', '/orders', { customerId: id, placedAt: new Date(Date.now() - daysAgo * 86_400_000).toISOString(), items: [{ sku: 'CRATE', name: 'Crate of mugs', quantity: 40, unitPrice: 350 }] });
    await api('POST', `/orders/${order.id}/complete`);
  }
  return id;
}

const eligibility = () => api<{ eligible: boolean; reason: string }>('GET', `/discounts/${ids.discount}/eligibility?customerId=${ids.tina}`);

describe('group suggestions', () => {
  beforeAll(async () => {
    const groups = await api<{ data: { id: string; name: string }[] }>('GET', '/customer-groups');
    const groupId = (name: string) => groups.data.find((group) => group.name === name)!.id;
    ids.tina = await trader('Tina', groupId('Retail'));
    ids.tom = await trader('Tom', groupId('Retail'));
    const discount = await api<{ id: string }>('POST', '/discounts', { code: `TRADE${Date.now().toString(36).toUpperCase()}`, description: 'Trade price', kind: 'percentage', value: 10, customerGroupIds: [groupId('Wholesaler')], active: true });
    ids.discount = discount.id;
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.setDefaultTimeout(30_000);
    await signIn(page, baseURL, OWNER);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('runs a batch classification with a progress bar and lists the traders as Wholesaler suggestions with their reasons', async () => {
    await page.goto(`${baseURL}/dashboard/customers/suggestions`);
    await poll(() => page.locator('form button[type="submit"]').first().evaluate((el) => Object.keys(el).some((key) => key.startsWith('__react')))).toBe(true);
    await page.getByLabel('Tag').fill(TAG);
    await page.getByRole('button', { name: 'Classify customers' }).click();
    await poll(() => page.getByTestId('run-progress').innerText()).toMatch(/Completed · 2 of 2 customers/);
    expect(await page.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');

    const row = page.getByTestId('suggestion-row').filter({ hasText: 'Tina Trader' });
    await poll(() => row.count()).toBe(1);
    const text = await row.innerText();
    expect(text).toMatch(/Retail\s*Wholesaler/);
    expect(text).toMatch(/2 orders averaging 40 items/);
    expect(text).toContain('Built-in rules');

    // The filter narrows the list (and "Accept all") to a least confidence: the traders are 60% sure.
    const showFiltered = async (confidence: string) => {
      await page.getByLabel('Confidence').selectOption(confidence);
      await page.getByRole('button', { name: 'Show', exact: true }).click();
      await page.waitForURL(new RegExp(`minConfidence=${confidence.replace('.', '\\.')}`));
    };
    await showFiltered('0.9');
    await poll(() => page.getByTestId('suggestion-row').filter({ hasText: 'Tina Trader' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Accept all [\d,]+ matching$/ }).count() + (await page.getByText('No pending suggestion matches').count())).toBe(1);
    await showFiltered('0.6');
    await poll(() => row.count()).toBe(1);
    await page.goto(`${baseURL}/dashboard/customers/suggestions`);
    await poll(() => row.count()).toBe(1);
    if (SCREENSHOT_DIR) {
      await page.screenshot({ path: `${SCREENSHOT_DIR}/suggestions.png`, fullPage: true });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.waitForTimeout(400);
      await page.screenshot({ path: `${SCREENSHOT_DIR}/suggestions-phone.png`, fullPage: true });
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });

  it('accepts a suggestion: the customer page shows the new group, the timeline who did it, and the Wholesaler discount becomes eligible', async () => {
    expect((await eligibility()).eligible).toBe(false);
    const row = page.getByTestId('suggestion-row').filter({ hasText: 'Tina Trader' });
    await row.getByRole('button', { name: 'Accept' }).click();
    await poll(() => page.getByRole('status').innerText()).toMatch(/Tina Trader moved to Wholesaler/);
    await poll(() => page.getByTestId('suggestion-row').filter({ hasText: 'Tina Trader' }).count()).toBe(0);
    expect(await page.getByTestId('suggestion-row').filter({ hasText: 'Tom Trader' }).count()).toBe(1);

    expect(await eligibility()).toMatchObject({ eligible: true });
    await page.goto(`${baseURL}/dashboard/customers/${ids.tina}`);
    await poll(() => page.locator('main').innerText()).toMatch(/Wholesaler/);
    const events = await api<{ data: { type: string; actorType: string; data: Record<string, unknown> }[] }>('GET', `/customers/${ids.tina}/events`);
    const change = events.data.find((event) => event.type === 'customer.group_changed');
    expect(change).toMatchObject({ actorType: 'staff' });
    expect(change!.data.suggestionId).toEqual(expect.any(String));
  });
});
