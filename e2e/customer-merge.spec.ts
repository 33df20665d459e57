import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { clickHydrated, launchBrowser, signIn } from './browser';
import { OWNER } from './fixtures';

// Open Duplicates, open a pair, choose the values, merge, and land on the kept customer with the other's orders.
const baseURL = inject('baseURL');
const apiKey = inject('apiKey');
const PHONE = '+447911123478';

let browser: Browser;
let page: Page;
let target: { id: string };
let source: { id: string };
let sourceOrderNumber = '';

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseURL}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.status, `${method} ${path}`).toBeLessThan(300);
  return (await response.json()) as T;
}

describe('merge a duplicate', () => {
  beforeAll(async () => {
    target = await api('POST', '/customers', { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@merge.example', phone: PHONE, tags: ['poet'] });
    source = await api('POST', '/customers', { firstName: 'Augusta', lastName: 'Lovelace', email: 'augusta@merge.example', phone: PHONE, company: 'Analytical Engines', tags: ['maths'] });
    const order = await api<{ id: string; orderNumber: string }>('POST', '/orders', { customerId: source.id, items: [{ sku: 'BERN', name: 'Bernoulli notes', quantity: 1, unitPrice: 4200 }] });
    await api('POST', `/orders/${order.id}/complete`);
    sourceOrderNumber = order.orderNumber;
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(20_000);
    await signIn(page, baseURL, OWNER);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('lists the pair on the Duplicates page, reached from the customer list, with its reason', async () => {
    await page.goto(`${baseURL}/dashboard/customers`);
    await clickHydrated(page.getByRole('link', { name: 'Duplicates' }));
    await page.waitForURL(/\/dashboard\/customers\/duplicates$/);
    const card = page.getByRole('listitem').filter({ hasText: 'ada@merge.example' }).filter({ hasText: 'augusta@merge.example' });
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.getByRole('list', { name: 'Why they look alike' }).textContent()).toContain('Same phone');
  });

  it('merges with the chosen values and lands on the kept customer with the other one’s orders', async () => {
    const card = page.getByRole('listitem').filter({ hasText: 'ada@merge.example' }).filter({ hasText: 'augusta@merge.example' });
    await card.getByRole('button', { name: /Compare and merge/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge customers' });
    await dialog.getByText('Keep which record?').waitFor();
    // Keep Ada's record, but take Augusta's first name; the company comes from Augusta since Ada has none.
    await dialog.locator('label', { hasText: 'ada@merge.example' }).first().click();
    await dialog.getByRole('radio', { name: /First name: Augusta/ }).check();
    await dialog.getByRole('button', { name: 'Merge into Ada Lovelace' }).click();

    await page.waitForURL(`${baseURL}/dashboard/customers/${target.id}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Augusta Lovelace');
    const body = page.locator('main');
    await expect.poll(() => body.textContent()).toContain('Analytical Engines');
    expect(await body.textContent()).toContain(sourceOrderNumber);
    expect(await body.textContent()).toContain('merged Augusta Lovelace, augusta@merge.example into this customer');
    const tags = await page.getByRole('list', { name: 'Group and tags' }).textContent();
    expect(tags).toContain('poet');
    expect(tags).toContain('maths');
  });

  it('sends the merged customer’s old link to the kept one, and the API says where it went', async () => {
    await page.goto(`${baseURL}/dashboard/customers/${source.id}`);
    await page.waitForURL(new RegExp(`/dashboard/customers/${target.id}\\?mergedFrom=`));
    // The page may still show its loading status for a moment: wait for the notice itself.
    await page.getByRole('status').filter({ hasText: 'was merged into this one' }).waitFor();
    const response = await fetch(`${baseURL}/api/v1/customers/${source.id}`, { headers: { authorization: `Bearer ${apiKey}` } });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ mergedInto: target.id });
  });
});
