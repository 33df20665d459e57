import { readFile } from 'node:fs/promises';

import { parse } from 'csv-parse/sync';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { clickHydrated, launchBrowser, signIn } from './browser';
import { OWNER, STAFF } from './fixtures';

// Filter the customer list, export it from the Export menu, and find in the downloaded file exactly the customers
// the list shows, in its order; then export two ticked rows in the full format.
const baseURL = inject('baseURL');
const apiKey = inject('apiKey');
const tag = `export-${Date.now()}`;
const PEOPLE = [
  { firstName: 'Annie', lastName: 'Easley', email: `annie.easley.${tag}@nasa.example`, tags: [tag], notes: 'Rocket, "Centaur"' },
  { firstName: 'Mary', lastName: 'Jackson', email: `mary.jackson.${tag}@nasa.example`, tags: [tag], phone: '+12025550172' },
  { firstName: 'Christine', lastName: 'Darden', email: `christine.darden.${tag}@nasa.example`, tags: [tag] },
  // Not tagged: the filter must leave her out.
  { firstName: 'Valerie', lastName: 'Thomas', email: `valerie.thomas.${tag}@nasa.example`, tags: [] },
];

let browser: Browser;
let page: Page;

async function createCustomer(body: Record<string, unknown>): Promise<string> {
  const response = await fetch(`${baseURL}/api/v1/customers`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** Clicks a choice of an Export menu and returns the downloaded file's name and records. */
async function download(menuButton: Locator, choice: RegExp): Promise<{ filename: string; records: Record<string, string>[] }> {
  // Opened right after the list loads: before React hydrates the menu, a click on its button does nothing.
  await clickHydrated(menuButton);
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: choice }).click()]);
  const text = await readFile((await file.path())!, 'utf8');
  return { filename: file.suggestedFilename(), records: parse(text, { columns: true }) as Record<string, string>[] };
}

describe('customer list → Export', () => {
  beforeAll(async () => {
    for (const person of PEOPLE) await createCustomer(person);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    page.setDefaultTimeout(20_000);
    await signIn(page, baseURL, OWNER);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('downloads the filtered list in Shopify columns, in the order the list shows', async () => {
    await page.goto(`${baseURL}/dashboard/customers?tag=${tag}&sort=name:asc`);
    const names = page.getByRole('table').getByRole('link');
    await expect.poll(() => names.allTextContents()).toEqual(['Annie Easley', 'Christine Darden', 'Mary Jackson']);

    // Exact: the filter chip "Remove filter Tag: export-…" holds the word too.
    const { filename, records } = await download(page.getByRole('button', { name: 'Export', exact: true }), /Shopify CSV/);
    expect(filename).toMatch(/^customers-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(records.map((record) => `${record['First Name']} ${record['Last Name']}`)).toEqual(['Annie Easley', 'Christine Darden', 'Mary Jackson']);
    expect(Object.keys(records[0])).toHaveLength(20);
    expect(records[0]).toMatchObject({ Email: PEOPLE[0].email, Note: 'Rocket, "Centaur"', Tags: tag, 'Accepts Email Marketing': 'no' });
    expect(records[2].Phone).toBe("'+12025550172");
  });

  it('downloads only the ticked rows, with every field, from the selection bar', async () => {
    await page.getByRole('checkbox', { name: 'Select Annie Easley' }).check();
    await page.getByRole('checkbox', { name: 'Select Mary Jackson' }).check();
    await page.getByText('2 selected', { exact: true }).waitFor();
    // The page header's Export comes first, the selection bar's second.
    const exportButtons = page.getByRole('button', { name: 'Export', exact: true });
    await expect.poll(() => exportButtons.count()).toBe(2);
    const { records } = await download(exportButtons.nth(1), /Full CSV/);
    expect(records.map((record) => record.Email)).toEqual([PEOPLE[0].email, PEOPLE[1].email]);
    expect(records[0]).toMatchObject({ 'Order Count': '0', 'Total Spend (minor units)': '0' });
    expect(records[0].ID).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('offers no Export to a staff member', async () => {
    const staffPage = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await signIn(staffPage, baseURL, STAFF);
    await staffPage.goto(`${baseURL}/dashboard/customers?tag=${tag}`);
    await staffPage.getByRole('link', { name: 'Annie Easley' }).first().waitFor();
    expect(await staffPage.getByRole('button', { name: 'Export', exact: true }).count()).toBe(0);
    const refused = await staffPage.request.get(`${baseURL}/api/v1/customers/export.csv?tag=${tag}`);
    expect(refused.status()).toBe(403);
    await staffPage.close();
  });
});
