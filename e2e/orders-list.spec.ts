import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { clickHydrated, launchBrowser, signIn, waitForHydration } from './browser';
import { OWNER } from './fixtures';
import { EASLEY_ORDER_COUNT } from './order-list-fixtures';

// The order list: status tabs, a customer picked by name, a placed-date range, keyset paging, and the
// way in from a customer's purchase history. Fixtures: e2e/order-list-fixtures.ts.
const baseURL = inject('baseURL');

let browser: Browser;
let page: Page;

// Each step waits for a server round trip (and the picker's debounce), beyond expect.poll's 1 s default.
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });

const rows = () => page.locator('table tbody tr');
const column = (index: number) => page.locator(`table tbody tr td:nth-child(${index})`).allInnerTexts();
const orderNumbers = () => column(1);
const customers = () => column(2);
const statuses = () => column(3);
const param = (name: string) => new URL(page.url()).searchParams.get(name);
const settled = () => poll(async () => (await page.locator('[aria-busy="true"]').count()) === 0).toBe(true);

/** Annie Easley's id, from the API-free way a person finds it: her customer page. */
async function easleyId(): Promise<string> {
  const response = await page.request.get(`${baseURL}/dashboard/customers?q=annie.easley`);
  const match = /\/dashboard\/customers\/([0-9a-f-]{36})/.exec(await response.text());
  if (!match) throw new Error('Annie Easley not found');
  return match[1];
}

/** yyyy-mm-dd of noon UTC `days` ago, as the fixtures place orders. */
function dayAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

describe('order list', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(20_000);
    await signIn(page, baseURL, OWNER);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('is in the navigation and lists orders newest first', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Orders' }).click();
    await page.waitForURL('**/dashboard/orders');
    await poll(() => rows().count()).toBeGreaterThan(0);
    const placed = await page.locator('table tbody tr td:nth-child(6) time').evaluateAll((times) => times.map((t) => t.getAttribute('datetime') ?? ''));
    expect(placed).toEqual([...placed].sort().reverse());
  });

  it('filters by status with the tabs: every row then has that status', async () => {
    const tabs = page.getByRole('navigation', { name: 'Order status' });
    await waitForHydration(tabs.getByRole('link', { name: 'Refunded', exact: true }));
    await tabs.getByRole('link', { name: 'Refunded', exact: true }).click();
    await poll(() => param('status')).toBe('refunded');
    await poll(customers).toContain('Ada Lovelace');
    expect(new Set(await statuses())).toEqual(new Set(['Refunded']));
    expect(await tabs.getByRole('link', { name: 'Refunded', exact: true }).getAttribute('aria-current')).toBe('page');

    await tabs.getByRole('link', { name: 'Partially refunded' }).click();
    await poll(() => param('status')).toBe('partially_refunded');
    await poll(customers).toContain('Ada Lovelace');
    expect(new Set(await statuses())).toEqual(new Set(['Partially refunded']));
    // The refunded part shows under the total, in the shop currency.
    expect(await rows().filter({ hasText: 'Ada Lovelace' }).innerText()).toContain('−£10.00 refunded');
  });

  it('filters by a customer picked by name, and pages through her orders with Next and Previous', async () => {
    await page.getByRole('navigation', { name: 'Order status' }).getByRole('link', { name: 'All', exact: true }).click();
    await poll(() => param('status')).toBeNull();
    const picker = page.getByRole('combobox', { name: 'Customer' });
    await picker.fill('annie eas');
    await page.getByRole('option', { name: /Annie Easley/ }).click();
    await poll(() => param('customerId')).toMatch(/^[0-9a-f-]{36}$/);
    await settled();
    await poll(() => page.getByRole('group', { name: 'Active filters' }).innerText()).toContain('Customer: Annie Easley');

    await poll(() => rows().count()).toBe(25);
    expect(new Set(await customers())).toEqual(new Set(['Annie Easley']));
    const pagination = page.getByRole('navigation', { name: 'Pagination' });
    expect(await pagination.innerText()).toContain('Page 1 · orders 1–25');
    const firstPage = await orderNumbers();

    await pagination.getByRole('button', { name: 'Next' }).click();
    await poll(() => param('page')).toBe('2');
    await poll(() => rows().count()).toBe(EASLEY_ORDER_COUNT - 25);
    const secondPage = await orderNumbers();
    expect(secondPage.filter((number) => firstPage.includes(number))).toEqual([]);
    expect(await pagination.innerText()).toContain(`Page 2 · orders 26–${EASLEY_ORDER_COUNT}`);
    expect(param('customerId')).toMatch(/^[0-9a-f-]{36}$/);

    await pagination.getByRole('button', { name: 'Previous' }).click();
    await poll(() => param('cursor')).toBeNull();
    await poll(orderNumbers).toEqual(firstPage);
  });

  it('narrows the customer’s orders to a placed-date range, both days included', async () => {
    await page.getByLabel('Placed from').fill(dayAgo(14));
    await page.getByLabel('Placed until').fill(dayAgo(10));
    await page.getByRole('button', { name: 'Apply' }).click();
    await poll(() => param('placedBefore')).toBe(dayAgo(10));
    await poll(() => rows().count()).toBe(5);
    expect(new Set(await customers())).toEqual(new Set(['Annie Easley']));
  });

  it('says when nothing matches, and clears the filters', async () => {
    const tabs = page.getByRole('navigation', { name: 'Order status' });
    await tabs.getByRole('link', { name: 'Pending' }).click();
    await poll(() => page.getByRole('heading', { name: 'No orders match these filters' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await poll(() => new URL(page.url()).search).toBe('');
    await poll(() => rows().count()).toBeGreaterThan(0);
  });

  it('says how many orders match above the table, and follows the filters', async () => {
    await page.goto(`${baseURL}/dashboard/orders?status=refunded`);
    const count = page.getByTestId('match-count');
    await poll(() => count.innerText()).toMatch(/^\d+ orders?$/);
    // One page of refunded orders: the count is the rows'.
    expect(await count.innerText()).toBe(`${await rows().count()} order${(await rows().count()) === 1 ? '' : 's'}`);
    await page.goto(`${baseURL}/dashboard/orders?customerId=${await easleyId()}`);
    await poll(() => count.innerText()).toBe(`${EASLEY_ORDER_COUNT} orders`);
  });

  it('shows 25 rows by default, 50 when chosen, and keeps the choice when paging and filtering', async () => {
    await page.goto(`${baseURL}/dashboard/orders`);
    await poll(() => rows().count()).toBe(25);
    const size = page.getByRole('combobox', { name: 'Rows per page' });
    await waitForHydration(size);
    await size.selectOption('50');
    await poll(() => param('limit')).toBe('50');
    await poll(() => rows().count()).toBeGreaterThan(25);
    const tabs = page.getByRole('navigation', { name: 'Order status' });
    await tabs.getByRole('link', { name: 'Completed', exact: true }).click();
    await poll(() => param('status')).toBe('completed');
    expect(param('limit')).toBe('50');
    await size.selectOption('25');
    await poll(() => param('limit')).toBeNull();
    await poll(() => rows().count()).toBe(25);
    await page.getByRole('navigation', { name: 'Pagination' }).getByRole('button', { name: 'Next' }).click();
    await poll(() => param('page')).toBe('2');
    await size.selectOption('100');
    // Another size starts again at the first page.
    await poll(() => param('limit')).toBe('100');
    expect(param('cursor')).toBeNull();
  });

  it('sorts by total, customer and status both ways, paging without repeats', async () => {
    await page.goto(`${baseURL}/dashboard/orders`);
    const sort = page.getByRole('combobox', { name: 'Sort by' });
    await waitForHydration(sort);
    await sort.selectOption('total:desc');
    await poll(() => param('sort')).toBe('total:desc');
    await settled();
    const amount = (text: string) => Number(text.split('\n')[0].replace(/[^\d.]/g, ''));
    const totals = (await column(5)).map(amount);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    const firstPage = await orderNumbers();
    await page.getByRole('navigation', { name: 'Pagination' }).getByRole('button', { name: 'Next' }).click();
    await poll(() => param('page')).toBe('2');
    await settled();
    expect(param('sort')).toBe('total:desc');
    const nextTotals = (await column(5)).map(amount);
    expect(Math.max(...nextTotals)).toBeLessThanOrEqual(Math.min(...totals));
    expect((await orderNumbers()).filter((n) => firstPage.includes(n))).toEqual([]);

    await sort.selectOption('customer:asc');
    await poll(() => param('sort')).toBe('customer:asc');
    expect(param('cursor')).toBeNull();
    await settled();
    const names = await customers();
    expect(names.indexOf('Ada Lovelace')).toBeLessThan(names.indexOf('Annie Easley'));
    await sort.selectOption('status:desc');
    await poll(() => param('sort')).toBe('status:desc');
    await settled();
    const shown = await statuses();
    expect(shown[0]).toBe('Refunded');
    await sort.selectOption('placedAt:desc');
    await poll(() => param('sort')).toBeNull();
  });

  it('explains a broken page link instead of failing', async () => {
    await page.goto(`${baseURL}/dashboard/orders?status=shipped&cursor=not-a-cursor`);
    const alert = page.getByRole('alert').filter({ hasText: 'Some filters could not be used' });
    await poll(() => alert.isVisible()).toBe(true);
    expect(await alert.innerText()).toContain('Status:');
  });
});

describe('purchase history on the customer page', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    page.setDefaultTimeout(20_000);
    await signIn(page, baseURL, OWNER);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows older orders on request, and links to all of the customer’s orders', async () => {
    await page.goto(`${baseURL}/dashboard/customers?q=annie.easley`);
    await clickHydrated(page.getByRole('link', { name: /Annie Easley/ }));
    await page.waitForURL(/\/dashboard\/customers\/[0-9a-f-]{36}$/);
    const customerId = new URL(page.url()).pathname.split('/').pop();
    const history = page.locator('table', { has: page.locator('caption', { hasText: 'Orders of this customer' }) });
    await poll(() => history.locator('tbody tr').count()).toBe(10);
    const older = page.getByRole('button', { name: 'Show older orders' });
    await waitForHydration(older);
    await older.click();
    await poll(() => history.locator('tbody tr').count()).toBe(EASLEY_ORDER_COUNT);
    await poll(() => page.getByText(`All ${EASLEY_ORDER_COUNT} orders shown.`).isVisible()).toBe(true);

    await page.getByRole('link', { name: 'View all orders' }).click();
    await page.waitForURL('**/dashboard/orders?customerId=*');
    expect(param('customerId')).toBe(customerId);
    // Phones get the stacked list and a status select instead of tabs.
    await poll(() => page.getByRole('list', { name: 'Orders' }).getByRole('link').count()).toBe(25);
    const status = page.getByRole('combobox', { name: 'Status' });
    await waitForHydration(status);
    await status.selectOption('pending');
    await poll(() => param('status')).toBe('pending');
    await poll(() => page.getByRole('heading', { name: 'Annie Easley has no orders yet' }).count()).toBe(0);
    await poll(() => page.getByRole('heading', { name: 'No orders match these filters' }).isVisible()).toBe(true);
  });
});
