import { mkdirSync } from 'node:fs';

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { formatDate, formatMoney } from '@/lib/format';

import { launchBrowser, signIn } from './browser';
import { OWNER } from './fixtures';
import { EASLEY_ORDER_COUNT } from './order-list-fixtures';

// The dashboard overview at /dashboard: the headline numbers agree with the shop's data read through the API (other
// spec files add customers and orders to the same server, so the figures are recomputed here, not hard-coded), the
// charts carry their text alternatives, and the fixture's best customer leads the top customers.
const baseURL = inject('baseURL');
const apiKey = inject('apiKey');

let browser: Browser;
let page: Page;

const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });

/** Every row of a keyset-paged API list. */
async function listAll<T>(path: string): Promise<T[]> {
  const rows: T[] = [];
  let cursor: string | null = null;
  do {
    const url = new URL(`${baseURL}/api/v1${path}`);
    url.searchParams.set('limit', '200');
    if (cursor) url.searchParams.set('cursor', cursor);
    const response = await fetch(url, { headers: { authorization: `Bearer ${apiKey}` } });
    expect(response.status).toBe(200);
    const page = (await response.json()) as { data: T[]; nextCursor: string | null };
    rows.push(...page.data);
    cursor = page.nextCursor;
  } while (cursor);
  return rows;
}

/** A customer is new when first seen: added, or first ordered if that came earlier. */
const firstSeen = (c: { createdAt: string; firstOrderDate: string | null }) => (c.firstOrderDate && c.firstOrderDate < c.createdAt ? c.firstOrderDate : c.createdAt);

/** The value shown under a headline label. */
const headline = (label: string) => page.locator('dl > div', { has: page.locator('dt', { hasText: label }) }).locator('dd').first().innerText();

// Annie Easley's 30 completed orders: day × 12.50 for day 1..30.
const EASLEY_SPEND = ((EASLEY_ORDER_COUNT * (EASLEY_ORDER_COUNT + 1)) / 2) * 1250;

describe('dashboard overview', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.setDefaultTimeout(20_000);
    await signIn(page, baseURL, OWNER);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the number of customers, sign-ups this month, revenue of the last 12 months and the repeat rate', async () => {
    const customers = await listAll<Parameters<typeof firstSeen>[0] & { orderCount: number }>('/customers');
    const orders = await listAll<{ status: string; placedAt: string; total: number; refundedTotal: number }>('/orders');
    await page.goto(`${baseURL}/dashboard`);
    await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();

    const now = new Date();
    const thisMonth = now.toISOString().slice(0, 7);
    const windowStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1));
    const counted = orders.filter((o) => ['completed', 'partially_refunded', 'refunded'].includes(o.status) && new Date(o.placedAt) >= windowStart);
    const revenue = counted.reduce((sum, o) => sum + o.total - o.refundedTotal, 0);
    const buyers = customers.filter((c) => c.orderCount >= 1).length;
    const repeat = customers.filter((c) => c.orderCount >= 2).length;

    expect(await headline('Customers')).toBe(customers.length.toLocaleString('en-GB'));
    expect(await headline('New this month')).toBe(customers.filter((c) => firstSeen(c).slice(0, 7) === thisMonth).length.toLocaleString('en-GB'));
    // Compared with the same days of last month (clamped to its end), which the line names: never with all of it.
    const lastMonthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
    const thisMonthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    const spanEnd = new Date(Math.min(lastMonthStart.getTime() + (now.getTime() - thisMonthStart.getTime()), thisMonthStart.getTime() - 1));
    const monthName = new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' }).format(lastMonthStart);
    const span = spanEnd.getUTCDate() === 1 ? `1 ${monthName}` : `1–${spanEnd.getUTCDate()} ${monthName}`;
    const sameSpan = customers.filter((c) => firstSeen(c) >= lastMonthStart.toISOString() && firstSeen(c) <= spanEnd.toISOString()).length;
    const detail = await page.locator('dl > div', { has: page.locator('dt', { hasText: 'New this month' }) }).locator('dd').nth(1).innerText();
    expect(detail).toMatch(new RegExp(`(vs|Same as) ${span} \\(${sameSpan}\\)$`));
    expect(revenue).toBeGreaterThanOrEqual(EASLEY_SPEND);
    expect(await headline('Revenue, last 12 months')).toBe(formatMoney(revenue, 'GBP'));
    await poll(() => page.getByText(`${counted.length} orders since ${formatDate(windowStart)}, less refunds`).isVisible()).toBe(true);
    expect(await headline('Repeat-customer rate')).toBe(`${Math.round((repeat / buyers) * 100)}%`);
    await poll(() => page.getByText(`${repeat} of ${buyers} buyers ordered again`).isVisible()).toBe(true);
  });

  it('draws sign-ups per month and revenue by group, each with a summary and a table that can be shown', async () => {
    const customers = await listAll<Parameters<typeof firstSeen>[0]>('/customers');
    const now = new Date();
    const windowStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1)).toISOString();
    const newInWindow = customers.filter((c) => firstSeen(c) >= windowStart).length;
    const signUps = page.locator('div.rounded-lg', { has: page.getByRole('heading', { name: 'New customers per month' }) });
    await poll(() => signUps.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
    expect(await signUps.getByTestId('chart-summary').innerText()).toContain(`${newInWindow} new customers in the last 12 months`);
    // The table is there for screen readers all along; the toggle shows it in place of the chart.
    const monthTable = signUps.getByRole('table', { name: 'New customers per month' });
    expect(await monthTable.locator('tbody tr').count()).toBe(12);
    await signUps.getByRole('button', { name: 'Show table' }).click();
    await poll(() => monthTable.isVisible()).toBe(true);
    expect(await signUps.getByRole('button', { name: 'Hide table' }).getAttribute('aria-expanded')).toBe('true');

    const byGroup = page.locator('div.rounded-lg', { has: page.getByRole('heading', { name: 'Revenue by group' }) });
    expect(await byGroup.getByText('All time', { exact: false }).count()).toBeGreaterThan(0);
    await poll(() => byGroup.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
    // Every fixture customer with orders (Annie Easley, Ada Lovelace) has no group, so "No group" brought the revenue.
    expect(await byGroup.getByTestId('chart-summary').innerText()).toMatch(/^No group brought \d+% of all revenue/);
    const groupRows = await byGroup.getByRole('table', { name: 'Revenue by group' }).locator('tbody tr th').allInnerTexts();
    expect(groupRows).toEqual(expect.arrayContaining(['No group', 'VIP', 'Retail']));
  });

  it('lists the top customers by spend, linking to their pages', async () => {
    const top = page.getByRole('table', { name: 'Top customers' });
    const easley = top.locator('tr', { hasText: 'Annie Easley' });
    expect(await easley.innerText()).toContain(formatMoney(EASLEY_SPEND, 'GBP'));
    await easley.getByRole('link', { name: 'Annie Easley' }).click();
    await page.waitForURL(/\/dashboard\/customers\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Annie Easley', level: 1 }).waitFor();
  });

  it('explains where the RFM segments come from until the metrics have been computed', async () => {
    await page.goto(`${baseURL}/dashboard`);
    await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
    const segments = page.getByRole('heading', { name: 'RFM segments', exact: true });
    if (await segments.count()) {
      // A background metrics run got there first: then the chart says which date it describes.
      expect(await page.getByText(/Customers with orders, as of/).count()).toBe(1);
      return;
    }
    await poll(() => page.getByText('Engagement metrics have not been computed yet.').isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Metrics settings' }).getAttribute('href')).toBe('/dashboard/settings/metrics');
  });

  it('fits a desktop and a phone screen (screenshots in docs/screenshots)', async () => {
    mkdirSync('docs/screenshots', { recursive: true });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${baseURL}/dashboard`);
    await page.locator('.recharts-bar-rectangle').first().waitFor();
    await page.screenshot({ path: 'docs/screenshots/overview.png', fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.locator('.recharts-bar-rectangle').first().waitFor();
    // Nothing wider than the phone: the page does not scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: 'docs/screenshots/overview-phone.png', fullPage: true });
  });
});
