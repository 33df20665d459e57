import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { launchBrowser, signIn, waitForHydration } from './browser';
import { OWNER } from './fixtures';

// Bulk actions journey: tag two ticked customers, take the tag off everyone matching the filter (more than one page),
// then delete everyone matching that has no orders, keeping the two who bought something. Customers come from the API.
const baseURL = inject('baseURL');
const apiKey = inject('apiKey');
const stamp = Date.now();
const DOMAIN = `bulk${stamp}.example`;
const COUNT = 60;
const TAG = `vip${stamp % 10_000}`;

let browser: Browser;
let page: Page;
const customers: { id: string; name: string }[] = [];

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseURL}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.status, `${method} ${path}`).toBeLessThan(300);
  return (await response.json()) as T;
}

async function tagsOf(id: string): Promise<string[]> {
  return (await api<{ tags: string[] }>('GET', `/customers/${id}`)).tags;
}

async function openList() {
  await page.goto(`${baseURL}/dashboard/customers?q=${DOMAIN}`);
  await page.getByRole('table').getByRole('checkbox').first().waitFor();
  await waitForHydration(page.locator('table input[type="checkbox"]').first());
}

/** Ticks the whole page, then widens the selection to everyone matching the filter. */
async function selectAllMatching() {
  await page.getByRole('table').getByLabel('Select all customers on this page').check();
  await page.getByRole('button', { name: `Select all ${COUNT} customers matching this filter` }).click();
  await page.getByText(`All ${COUNT} customers matching this filter selected`).waitFor();
}

describe('customer list bulk actions', () => {
  beforeAll(async () => {
    for (let n = 1; n <= COUNT; n++) {
      const lastName = `Bulk${String(n).padStart(2, '0')}`;
      const { id } = await api<{ id: string }>('POST', '/customers', { firstName: 'Bea', lastName, email: `bea${n}@${DOMAIN}` });
      customers.push({ id, name: `Bea ${lastName}` });
    }
    for (const buyer of customers.slice(0, 2)) {
      await api('POST', '/orders', { customerId: buyer.id, items: [{ sku: 'BULK', name: 'Bulk notebook', quantity: 1, unitPrice: 900 }] });
    }
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.setDefaultTimeout(20_000);
    await signIn(page, baseURL, OWNER);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('adds a tag to two ticked customers, says how many got it, and the list shows it', async () => {
    await openList();
    const [first, second] = customers.slice(-2);
    const table = page.getByRole('table');
    await table.getByLabel(`Select ${first.name}`).check();
    await table.getByLabel(`Select ${second.name}`).check();
    await page.getByText('2 selected').waitFor();

    await page.getByRole('button', { name: 'Tags…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tags of 2 customers' });
    await dialog.getByLabel('Tags to add').fill(TAG);
    await dialog.getByLabel('Tags to add').press('Enter');
    await dialog.getByText(`Add “${TAG}” to 2 customers?`).waitFor();
    await dialog.getByRole('button', { name: 'Add tag to 2 customers' }).click();

    await page.getByRole('status').filter({ hasText: `Added “${TAG}” to 2 customers.` }).waitFor();
    // The selection is cleared and the list refreshed with the new tag.
    expect(await page.getByText('2 selected').count()).toBe(0);
    await expect.poll(() => table.getByRole('row').filter({ hasText: TAG }).count()).toBe(2);
    expect(await tagsOf(first.id)).toEqual([TAG]);
  });

  it('removes the tag from everyone matching the filter, across pages', async () => {
    await selectAllMatching();
    await page.getByRole('button', { name: 'Tags…' }).click();
    const dialog = page.getByRole('dialog', { name: `Tags of ${COUNT} customers` });
    await dialog.getByText('Remove tags').click();
    await dialog.getByLabel('Tags to remove').fill(TAG.toUpperCase());
    await dialog.getByLabel('Tags to remove').press('Enter');
    await dialog.getByRole('button', { name: `Remove tag from ${COUNT} customers` }).click();

    await page.getByRole('status').filter({ hasText: `Removed “${TAG.toUpperCase()}” from 2 customers; ${COUNT - 2} did not have it.` }).waitFor();
    await expect.poll(() => page.getByRole('table').getByRole('row').filter({ hasText: TAG }).count()).toBe(0);
    expect(await tagsOf(customers.at(-1)!.id)).toEqual([]);
  });

  it('deletes everyone matching without orders, keeping the two with orders', async () => {
    await selectAllMatching();
    await page.getByRole('button', { name: 'Delete…' }).click();
    const dialog = page.getByRole('alertdialog', { name: `Delete ${COUNT} customers without orders?` });
    await dialog.getByText('Customers with orders are kept').waitFor();
    await dialog.getByRole('button', { name: 'Delete those without orders' }).click();

    await page.getByRole('status').filter({ hasText: `Deleted ${COUNT - 2} customers; 2 with orders were kept.` }).waitFor();
    await expect.poll(() => page.getByRole('table').getByRole('row').count()).toBe(3);
    const left = await api<{ data: { id: string }[] }>('GET', `/customers?q=${DOMAIN}`);
    expect(left.data.map((c) => c.id).sort()).toEqual(customers.slice(0, 2).map((c) => c.id).sort());
  });
});
