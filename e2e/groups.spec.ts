import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { launchBrowser, signIn, waitForHydration } from './browser';
import { OWNER } from './fixtures';

// Groups journey: create a group, move two customers into it from the list, then delete it, confirming that its
// members fall back to no group. The customers are made through the API (seed, not clicks), apart from the others.
const baseURL = inject('baseURL');
const apiKey = inject('apiKey');
const stamp = Date.now();
const GROUP = `Night owls ${stamp}`;
const DOMAIN = `owls${stamp}.example`;

let browser: Browser;
let page: Page;
const customerIds: string[] = [];

async function api(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${baseURL}/api/v1${path}`, { ...init, headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' } });
}

async function groupOf(id: string): Promise<string | null> {
  const body = (await (await api(`/customers/${id}`)).json()) as { customerGroup: { name: string } | null };
  return body.customerGroup?.name ?? null;
}

describe('customer groups', () => {
  beforeAll(async () => {
    for (const [firstName, lastName] of [['Ada', 'Owl'], ['Alan', 'Owl']]) {
      const response = await api('/customers', { method: 'POST', body: JSON.stringify({ firstName, lastName, email: `${firstName.toLowerCase()}@${DOMAIN}` }) });
      expect(response.status).toBe(201);
      customerIds.push(((await response.json()) as { id: string }).id);
    }
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(20_000);
    await signIn(page, baseURL, OWNER);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('creates a group from the groups page', async () => {
    await page.goto(`${baseURL}/dashboard/groups`);
    await waitForHydration(page.locator('main button').first());
    await page.getByRole('button', { name: 'New group' }).click();
    await page.getByLabel('Name').fill(GROUP);
    await page.getByLabel('Description').fill('Customers who shop after midnight');
    await page.getByRole('button', { name: 'Create group' }).click();
    const row = page.getByRole('row').filter({ hasText: GROUP });
    await row.waitFor();
    expect(await row.getByRole('cell').last().textContent()).toContain('Edit');
    expect(await row.getByRole('link', { name: `members of ${GROUP}` }).textContent()).toMatch(/^0/);
  });

  it('moves two customers selected in the list into the group, and the list shows their new group', async () => {
    await page.goto(`${baseURL}/dashboard/customers?q=${DOMAIN}`);
    const table = page.getByRole('table');
    await table.getByLabel('Select Ada Owl').waitFor();
    await waitForHydration(page.locator('table input[type="checkbox"]').first());
    await table.getByLabel('Select Ada Owl').check();
    await table.getByLabel('Select Alan Owl').check();
    await page.getByText('2 selected').waitFor();

    await page.getByRole('button', { name: 'Move to group…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Move 2 customers to a group' });
    await dialog.getByLabel('Group', { exact: true }).selectOption({ label: GROUP });
    await dialog.getByText(`Move 2 customers to ${GROUP}?`).waitFor();
    await dialog.getByRole('button', { name: 'Move 2 customers' }).click();

    await page.getByRole('status').filter({ hasText: `Moved 2 customers to ${GROUP}.` }).waitFor();
    await expect.poll(() => table.getByRole('row').filter({ hasText: GROUP }).count()).toBe(2);
    for (const id of customerIds) expect(await groupOf(id)).toBe(GROUP);
  });

  it('deletes the group only after confirming that its two members move to no group', async () => {
    await page.goto(`${baseURL}/dashboard/groups`);
    const row = page.getByRole('row').filter({ hasText: GROUP });
    expect(await row.getByRole('link', { name: `members of ${GROUP}` }).textContent()).toMatch(/^2/);
    await waitForHydration(page.locator('main button').first());
    await row.getByRole('button', { name: `Delete ${GROUP}` }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByText(`${GROUP} has 2 members`).waitFor();
    await dialog.getByRole('button', { name: 'Move 2 members to no group and delete' }).click();
    // While the dialog is open the page behind it is hidden from the accessibility tree, rows included.
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByRole('row').filter({ hasText: GROUP }).count()).toBe(0);
    for (const id of customerIds) expect(await groupOf(id)).toBeNull();
  });
});
