import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { launchBrowser, signIn, waitForHydration } from './browser';
import { OWNER } from './fixtures';

// The customer list's count, its filters for country and consent combined from the panel, their chips, and the
// page size. Fixtures: e2e/customer-list-fixtures.ts (three customers shipping to Iceland, two agreeing to email).
const baseURL = inject('baseURL');

let browser: Browser;
let page: Page;

const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });

const tableNames = () => page.locator('table tbody tr a[href^="/dashboard/customers/"]').allInnerTexts();
const param = (name: string) => new URL(page.url()).searchParams.get(name);
const count = () => page.getByTestId('match-count').innerText();
const chips = () => page.getByRole('group', { name: 'Active filters' });

describe('customer list filters, count and page size', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(20_000);
    await signIn(page, baseURL, OWNER);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('says how many customers there are above the table', async () => {
    await page.goto(`${baseURL}/dashboard/customers`);
    await poll(count).toMatch(/^\d[\d,]* customers$/);
    const listed = (await tableNames()).length;
    // Fewer than a page: the count is exactly the rows.
    if (listed < 50) expect(await count()).toBe(`${listed} customers`);
  });

  it('combines a country and email consent from the filters panel, as chips, with the count', async () => {
    await page.getByRole('searchbox', { name: 'Search customers' }).waitFor();
    const open = page.getByRole('button', { name: /^Filters/ });
    await waitForHydration(open);
    await open.click();
    const panel = page.getByRole('region', { name: 'Filters' });
    await panel.getByLabel('Ships to (default address)').selectOption('IS');
    await panel.getByLabel('Email marketing').selectOption('yes');
    await panel.getByRole('button', { name: 'Apply filters' }).click();
    await poll(() => param('country')).toBe('IS');
    expect(param('emailConsent')).toBe('yes');
    await poll(async () => (await tableNames()).sort()).toEqual(['Bjork Gudmundsdottir', 'Hedy Lamarr']);
    await poll(count).toBe('2 customers');
    await poll(() => chips().innerText()).toContain('Ships to Iceland');
    expect(await chips().innerText()).toContain('Email marketing: yes');
  });

  it('widens the list when a chip is removed', async () => {
    await chips().getByRole('button', { name: 'Remove filter Email marketing: yes' }).click();
    await poll(() => param('emailConsent')).toBeNull();
    expect(param('country')).toBe('IS');
    await poll(async () => (await tableNames()).sort()).toEqual(['Bjork Gudmundsdottir', 'Hedy Lamarr', 'Vigdis Finnbogadottir']);
    await poll(count).toBe('3 customers');
  });

  it('keeps a chosen page size in the URL with the filters, and the default out of it', async () => {
    const size = page.getByRole('combobox', { name: 'Rows per page' });
    await waitForHydration(size);
    await size.selectOption('25');
    await poll(() => param('limit')).toBe('25');
    expect(param('country')).toBe('IS');
    await poll(count).toBe('3 customers');
    await chips().getByRole('button', { name: 'Clear all' }).click();
    await poll(() => param('country')).toBeNull();
    expect(param('limit')).toBe('25');
    await poll(async () => (await tableNames()).length).toBeGreaterThan(3);
    expect((await tableNames()).length).toBeLessThanOrEqual(25);
    await size.selectOption('50');
    await poll(() => param('limit')).toBeNull();
  });

  it('names a bad order range beside its field instead of listing', async () => {
    await page.goto(`${baseURL}/dashboard/customers?minOrders=5&maxOrders=2`);
    await poll(() => page.getByText('Max orders is less than min orders').first().isVisible()).toBe(true);
  });
});
