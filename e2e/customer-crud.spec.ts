import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { launchBrowser, signIn, waitForHydration } from './browser';
import { OWNER } from './fixtures';

// One journey, step by step, in one page: create (after a refused invalid email), edit, add an address, delete.
const baseURL = inject('baseURL');
const apiKey = inject('apiKey');
const email = `grace.hopper.${Date.now()}@navy.example`;
const DETAIL_URL = /\/dashboard\/customers\/[0-9a-f-]{36}$/;

let browser: Browser;
let page: Page;
let detailUrl = '';

/** How many customers the REST API finds for this email (independent of what the page shows). */
async function customersWithEmail(address: string): Promise<number> {
  const response = await fetch(`${baseURL}/api/v1/customers?q=${encodeURIComponent(address)}`, { headers: { authorization: `Bearer ${apiKey}` } });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { data: { email: string | null }[] };
  return body.data.filter((customer) => customer.email === address).length;
}

describe('customer create → edit → address → delete', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(20_000);
    await signIn(page, baseURL, OWNER);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('refuses an invalid email inline, naming the field, and creates nothing', async () => {
    await page.goto(`${baseURL}/dashboard/customers/new`);
    await waitForHydration(page.locator('form[aria-label="New customer"]'));
    await page.getByLabel('First name').fill('Grace');
    await page.getByLabel('Last name').fill('Hopper');
    const emailInput = page.getByRole('textbox', { name: 'Email', exact: true });
    await emailInput.fill('grace.hopper@');
    await page.getByRole('button', { name: 'Create customer' }).click();

    await expect.poll(() => emailInput.getAttribute('aria-invalid')).toBe('true');
    const errorId = await emailInput.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${errorId}"]`).textContent()).toMatch(/valid email address/i);
    // The first invalid field gets focus, so keyboard users land on it.
    expect(await emailInput.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(page.url()).toMatch(/\/dashboard\/customers\/new$/);
    expect(await customersWithEmail('grace.hopper@')).toBe(0);
  });

  it('creates the customer once the email is fixed and shows the normalised phone and creator', async () => {
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
    await page.getByLabel('Phone', { exact: true }).fill('07911 123456');
    await page.getByRole('button', { name: 'Create customer' }).click();
    await page.waitForURL(DETAIL_URL);
    detailUrl = page.url();

    await page.getByRole('heading', { name: 'Grace Hopper', level: 1 }).waitFor();
    expect(await page.getByRole('link', { name: '+44 7911 123456' }).getAttribute('href')).toBe('tel:+447911123456');
    await page.getByText('Created by Shop Owner').first().waitFor();
    expect(await customersWithEmail(email)).toBe(1);
  });

  it('edits the company and shows it on the detail page', async () => {
    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    await page.waitForURL(/\/edit$/);
    await waitForHydration(page.locator('form[aria-label="Edit customer"]'));
    await page.getByLabel('Company').fill('US Navy');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(DETAIL_URL);

    await page.getByRole('heading', { name: 'Grace Hopper', level: 1 }).waitFor();
    await page.locator('header').getByText('US Navy').waitFor();
    await page.getByText('Shop Owner changed company').waitFor();
  });

  it('adds an address, which becomes the default for shipping and billing', async () => {
    await page.getByRole('button', { name: 'Add address' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add address' });
    await waitForHydration(dialog.locator('form'));
    await dialog.getByLabel('Address line 1').fill('1 Navy Yard');
    await dialog.getByLabel('City').fill('Arlington');
    await dialog.getByLabel('Country').selectOption('US');
    await dialog.getByRole('button', { name: 'Add address' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const card = page.locator('address', { hasText: '1 Navy Yard' });
    await card.waitFor();
    expect(await card.textContent()).toContain('United States');
    await page.getByText('Default shipping', { exact: true }).waitFor();
    await page.getByText('Default billing', { exact: true }).waitFor();
  });

  it('deletes the customer after confirmation; the list comes back and the detail page is gone', async () => {
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Delete Grace Hopper?' });
    await confirm.getByRole('button', { name: 'Delete customer' }).click();
    await page.waitForURL(/\/dashboard\/customers$/);

    expect(await customersWithEmail(email)).toBe(0);
    await page.goto(detailUrl);
    await page.getByRole('heading', { name: 'Customer not found' }).waitFor();
  });
});
