import { readFileSync } from 'node:fs';

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { clickHydrated, launchBrowser, signIn } from './browser';
import { OWNER, STAFF } from './fixtures';

// Import a Shopify export with some bad rows, fix nothing: the dry-run report names each bad row's line, column and
// problem; the import runs with a progress bar and ends with the same report, and the good rows are customers.
const baseURL = inject('baseURL');
const apiKey = inject('apiKey');
// Set E2E_SCREENSHOT_DIR to keep 1440 and 390 px screenshots of the dry-run report.
const SCREENSHOT_DIR = process.env.E2E_SCREENSHOT_DIR;
const stamp = Date.now();
const HEADER = readFileSync('src/services/customer-import/fixtures/shopify_customers_export_current.header.csv', 'utf8').trim();
const FILE = [
  HEADER,
  `'9980311896380,Ada,Lovelace,ada.${stamp}@import.example,yes,,12 St James's Square,,London,ENG,GB,'SW1Y 4JH,,'+447911123456,no,120.00,3,Met at the fair,no,"vip, newsletter"`,
  `7.02255E+12,Grace,Hopper,grace.${stamp}@import.example,no,,,,,,,,,,no,0.00,0,,no,`,
  `,Иван,Петров,,no,,,,,,GB,,,07911 123${String(stamp).slice(-3)},no,0.00,0,,no,`,
  `,Alan,Turing,alan.${stamp}@,no,,,,,,,,,,no,0.00,0,,no,`,
  `,Ada,Again,ADA.${stamp}@import.example,no,,,,,,,,,,no,0.00,0,,no,`,
].join('\n');

let browser: Browser;
let page: Page;

async function customerWithEmail(email: string) {
  const response = await fetch(`${baseURL}/api/v1/customers?q=${encodeURIComponent(email)}`, { headers: { authorization: `Bearer ${apiKey}` } });
  return ((await response.json()) as { data: { email: string; tags: string[] }[] }).data.find((customer) => customer.email === email);
}

describe('customer CSV import', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.setDefaultTimeout(20_000);
    await signIn(page, baseURL, OWNER);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('opens from the customers list toolbar', async () => {
    await page.goto(`${baseURL}/dashboard/customers`);
    await clickHydrated(page.getByRole('link', { name: 'Import' }));
    await page.waitForURL('**/dashboard/customers/import');
    await page.getByRole('heading', { name: 'Import customers' }).waitFor();
    expect(await page.getByLabel('Overwrite existing customers').isChecked()).toBe(false);
  });

  it('shows the dry run: counts, and each bad row with its line, column and message; nothing imported yet', async () => {
    await page.getByLabel('Customer CSV file').setInputFiles({ name: 'shopify-customers.csv', mimeType: 'text/csv', buffer: Buffer.from(FILE) });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByRole('heading', { name: 'What the import would do' }).waitFor();
    const counts = page.getByLabel('Counts');
    expect(await counts.textContent()).toMatch(/Would create2.*Skipped1.*Errors2/);
    const rows = await page.getByRole('table', { name: 'Row problems' }).locator('tbody tr').allTextContents();
    expect(rows).toEqual([
      expect.stringMatching(/^3Customer ID"7\.02255E\+12" is a number a spreadsheet wrote in scientific notation/),
      '5EmailEnter a valid email address, like name@example.com',
      `6EmailSkippedSame e-mail as line 2; only the first is imported`,
    ]);
    expect(await customerWithEmail(`ada.${stamp}@import.example`)).toBeUndefined();
    if (SCREENSHOT_DIR) {
      await page.screenshot({ path: `${SCREENSHOT_DIR}/import-report-1440.png`, fullPage: true });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${SCREENSHOT_DIR}/import-report-390.png`, fullPage: true });
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });

  it('imports with a progress bar, ends with the report, and the good rows are customers', async () => {
    await page.getByRole('button', { name: 'Import 2 customers' }).click();
    // Shown from the moment the job starts until it is done (it polls the job).
    await page.getByRole('progressbar', { name: 'Import progress' }).waitFor();
    await page.getByRole('heading', { name: 'Import finished' }).waitFor({ timeout: 30_000 });
    expect(await page.getByLabel('Counts').textContent()).toMatch(/Created2.*Skipped1.*Errors2/);
    expect(await page.getByRole('table', { name: 'Row problems' }).locator('tbody tr').count()).toBe(3);
    expect(await customerWithEmail(`ada.${stamp}@import.example`)).toMatchObject({ tags: ['vip', 'newsletter'] });
    await page.getByRole('link', { name: 'View customers' }).click();
    await page.waitForURL('**/dashboard/customers');
  });

  it('asks what each column of an unknown header holds, then checks the file with that mapping', async () => {
    await page.goto(`${baseURL}/dashboard/customers/import`);
    const file = `Vorname,E-mail address,Points\nJürgen,juergen.${stamp}@import.example,3\n`;
    await page.getByLabel('Customer CSV file').setInputFiles({ name: 'loyalty.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
    await page.getByRole('button', { name: 'Check the file' }).click();
    const email = page.getByLabel(/^E-mail address/);
    await email.waitFor();
    expect(await page.getByRole('button', { name: 'Check the file' }).isDisabled()).toBe(true);
    await page.getByLabel(/^Vorname/).selectOption('firstName');
    await email.selectOption('email');
    await page.getByLabel(/^Points/).selectOption('skip');
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByRole('heading', { name: 'What the import would do' }).waitFor();
    expect(await page.getByText('Columns mapped by hand').count()).toBe(1);
    expect(await page.getByLabel('Counts').textContent()).toMatch(/Would create1/);
  });

  it('is not offered to the staff role, whose visit is refused', async () => {
    const staffPage = await browser.newPage();
    await signIn(staffPage, baseURL, STAFF);
    await staffPage.goto(`${baseURL}/dashboard/customers`);
    expect(await staffPage.getByRole('link', { name: 'Import' }).count()).toBe(0);
    // The customers segment streams behind its loading skeleton, so the refusal is the forbidden page, not the status.
    await staffPage.goto(`${baseURL}/dashboard/customers/import`);
    await staffPage.getByRole('heading', { name: "You don't have access to this page" }).waitFor();
    expect(await staffPage.getByLabel('Customer CSV file').count()).toBe(0);
    await staffPage.close();
  });
});
