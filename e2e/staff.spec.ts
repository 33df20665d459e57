import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { shortMonth } from '@/components/dashboard/staff/staff-month-label';

import { launchBrowser, signIn } from './browser';
import { OWNER } from './fixtures';
import { STAFF_PERFORMER, STAFF_PERFORMER_FIGURES as FIGURES } from './staff-fixtures';

// Staff performance: a staff member sees their own acquisition figures (and no one else's); the owner sees everyone's.
const baseURL = inject('baseURL');
const apiKey = inject('apiKey');
// Set E2E_SCREENSHOT_DIR to keep 1440 and 390 px screenshots of the pages.
const SCREENSHOT_DIR = process.env.E2E_SCREENSHOT_DIR;

let browser: Browser;

const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });

async function newPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.setDefaultTimeout(20_000);
  return page;
}

async function screenshots(page: Page, name: string): Promise<void> {
  if (!SCREENSHOT_DIR) return;
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}-1440.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1440, height: 900 });
}

/** The text of each cell of the table row whose header or first cell holds `name`. */
async function rowCells(page: Page, name: string): Promise<string[]> {
  const row = page.locator('table tbody tr').filter({ hasText: name }).first();
  return (await row.locator('th, td').allInnerTexts()).map((text) => text.trim());
}

const thisMonth = shortMonth(new Date().toISOString().slice(0, 7));

describe('staff performance', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('takes a staff member from the staff list to their own page, with the customers they created and what those brought', async () => {
    const page = await newPage();
    await signIn(page, baseURL, STAFF_PERFORMER);
    await page.goto(`${baseURL}/dashboard/staff`);
    expect(new URL(page.url()).pathname).toMatch(/^\/dashboard\/staff\/[^/]+$/);
    await poll(() => page.getByRole('heading', { name: 'Your performance' }).isVisible()).toBe(true);

    const figure = (label: string) => page.locator('dl > div').filter({ hasText: label }).locator('dd').first().innerText();
    expect(await figure('Customers acquired')).toBe(String(FIGURES.customers));
    expect(await figure('Orders')).toBe(String(FIGURES.orders));
    expect(await figure('Revenue')).toBe(FIGURES.revenue);
    expect(await figure('Avg customer value')).toBe(FIGURES.average);

    // The month table, the charts' text alternative, holds this month's numbers; the charts are drawn.
    expect(await rowCells(page, thisMonth)).toEqual([thisMonth, String(FIGURES.customers), String(FIGURES.orders), FIGURES.revenue]);
    expect(await page.getByRole('img', { name: /Bar chart: 3 customers acquired/ }).isVisible()).toBe(true);
    await poll(() => page.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);

    // The most valuable customers link to their pages, best first.
    const top = page.locator('table tbody tr a[href^="/dashboard/customers/"]');
    expect(await top.allInnerTexts()).toEqual(FIGURES.top);
    await screenshots(page, 'staff-own');
    await top.first().click();
    await page.waitForURL('**/dashboard/customers/*');
    await poll(() => page.getByRole('heading', { name: FIGURES.top[0] }).isVisible()).toBe(true);

    // Another member's page is refused with 403; an unknown id is a 404.
    const staffList = (await (await fetch(`${baseURL}/api/v1/staff`, { headers: { authorization: `Bearer ${apiKey}` } })).json()) as { data: { id: string; name: string }[] };
    const other = staffList.data.find((member) => member.name !== STAFF_PERFORMER.name)!;
    expect((await page.goto(`${baseURL}/dashboard/staff/${other.id}`))?.status()).toBe(403);
    await poll(() => page.getByRole('heading', { name: "You don't have access to this page" }).isVisible()).toBe(true);
    expect((await page.goto(`${baseURL}/dashboard/staff/no-such-member`))?.status()).toBe(404);

    // A period before anyone was acquired shows the empty state.
    await page.goto(`${baseURL}/dashboard/staff/${staffList.data.find((m) => m.name === STAFF_PERFORMER.name)!.id}?from=2020-01-01&to=2020-12-31`);
    await poll(() => page.getByText('You have not created any customers in this period.').isVisible()).toBe(true);
    await page.close();
  });

  it('shows the owner every member with their figures, and the member’s page from there', async () => {
    const page = await newPage();
    await signIn(page, baseURL, OWNER);
    expect((await page.goto(`${baseURL}/dashboard/staff`))?.status()).toBe(200);
    await poll(() => page.getByRole('heading', { name: 'Staff', exact: true }).isVisible()).toBe(true);
    expect(await rowCells(page, STAFF_PERFORMER.name)).toEqual([STAFF_PERFORMER.name, 'Staff', String(FIGURES.customers), String(FIGURES.orders), FIGURES.revenue, FIGURES.average]);
    expect(await page.locator('table tbody tr').count()).toBeGreaterThanOrEqual(3);
    await screenshots(page, 'staff-list');
    await page.getByRole('link', { name: STAFF_PERFORMER.name }).click();
    await page.waitForURL('**/dashboard/staff/*');
    await poll(() => page.getByRole('heading', { name: STAFF_PERFORMER.name }).isVisible()).toBe(true);
    await page.close();
  });
});
