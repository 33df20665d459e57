import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { clickHydrated, launchBrowser, signIn, waitForHydration } from './browser';
import { OWNER, STAFF } from './fixtures';

// One journey in one page: enter an order for a fixture customer, complete it, see her numbers move on her page
// (reached by links, never reloaded), then refund part of it and see the spend go down by exactly that.
const baseURL = inject('baseURL');
const apiKey = inject('apiKey');
const CUSTOMER = 'Dorothy Vaughan';
const CUSTOMER_URL = /\/dashboard\/customers\/[0-9a-f-]{36}$/;
const ORDER_URL = /\/dashboard\/orders\/[0-9a-f-]{36}$/;
// How the dashboard prints a date (en-GB, UTC): the order is placed and completed today.
const TODAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date());

let browser: Browser;
let page: Page;
let orderUrl = '';
const addressIds: { home: string; office: string } = { home: '', office: '' };

// Each step waits for a server round trip (and the customer search's debounce), beyond expect.poll's 1 s default.
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });

/** A figure from the customer's statistics, as shown ("£71.03", "3 Mar 2025"). */
function stat(label: string): Promise<string> {
  return page.locator('section[aria-label="Customer statistics"] dl > div').filter({ hasText: label }).locator('dd').first().innerText();
}

/** The value beside a label in a definition list on the order page ("Total" → "£71.03"). */
function orderFigure(label: string): Promise<string> {
  return page.locator('dl > div').filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd').first().innerText();
}

describe('order journey: enter → complete → customer totals → partial refund', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(20_000);
    await signIn(page, baseURL, OWNER);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('opens the fixture customer, who has bought nothing yet', async () => {
    await page.goto(`${baseURL}/dashboard/customers?q=langley`);
    await clickHydrated(page.getByRole('link', { name: CUSTOMER }));
    await page.waitForURL(CUSTOMER_URL);
    await page.getByRole('heading', { name: CUSTOMER, level: 1 }).waitFor();
    expect(await stat('Total spend')).toBe('£0.00');
    expect(await stat('Last order')).toBe('No orders yet');

    // Her address book: home is her default for both; the office is another.
    const customerId = new URL(page.url()).pathname.split('/').at(-1)!;
    const add = async (body: Record<string, unknown>) => {
      const response = await fetch(`${baseURL}/api/v1/customers/${customerId}/addresses`, {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(201);
      return ((await response.json()) as { id: string }).id;
    };
    addressIds.home = await add({ firstName: 'Dorothy', lastName: 'Vaughan', line1: '12 Mercury Road', city: 'Hampton', region: 'VA', postalCode: '23666', countryCode: 'US' });
    addressIds.office = await add({ firstName: 'Dorothy', lastName: 'Vaughan', company: 'NACA', line1: '1 Langley Field', city: 'Hampton', region: 'VA', postalCode: '23665', countryCode: 'US' });
  });

  it('New order comes with her chosen; changing and searching finds her again by part of her email', async () => {
    // The header's button (the empty purchase history offers the same link).
    await page.getByRole('link', { name: 'New order' }).first().click();
    await page.waitForURL(/\/dashboard\/orders\/new\?customerId=/);
    const form = page.locator('form[aria-label="New order"]');
    await waitForHydration(form);
    await form.getByRole('button', { name: `Change customer (now ${CUSTOMER})` }).click();

    const combobox = form.getByRole('combobox', { name: 'Customer' });
    await poll(() => combobox.evaluate((el) => el === document.activeElement)).toBe(true);
    await combobox.pressSequentially('vaughan@lang');
    const option = page.getByRole('listbox', { name: 'Matching customers' }).getByRole('option', { name: new RegExp(CUSTOMER) });
    await option.waitFor();
    await poll(() => combobox.getAttribute('aria-expanded')).toBe('true');
    await poll(() => option.getAttribute('aria-selected')).toBe('true');
    await combobox.press('Enter');
    await form.getByRole('button', { name: `Change customer (now ${CUSTOMER})` }).waitFor();
  });

  it('offers her addresses with her default preselected for shipping and billing; billing is changed to the office', async () => {
    const form = page.locator('form[aria-label="New order"]');
    const shipping = form.getByLabel('Shipping address');
    const billing = form.getByLabel('Billing address');
    await poll(() => shipping.inputValue()).toBe(addressIds.home);
    expect(await billing.inputValue()).toBe(addressIds.home);
    expect(await shipping.locator('option').allInnerTexts()).toEqual(['No address', expect.stringContaining('12 Mercury Road'), expect.stringContaining('1 Langley Field')]);
    await billing.selectOption(addressIds.office);
  });

  it('adds two items with a live total; a fractional quantity is refused inline on that line', async () => {
    const form = page.locator('form[aria-label="New order"]');
    const line1 = form.getByRole('group', { name: 'Item 1' });
    await line1.getByLabel('SKU').fill('MUG-01');
    await line1.getByLabel('Item name').fill('Enamel mug');
    await line1.getByLabel('Quantity').fill('3');
    await line1.getByLabel('Unit price').fill('19.99');
    await form.getByRole('button', { name: 'Add item' }).click();
    const line2 = form.getByRole('group', { name: 'Item 2' });
    await line2.getByLabel('SKU').fill('TEA-02');
    await line2.getByLabel('Item name').fill('Loose leaf tea');
    await line2.getByLabel('Quantity').fill('1.5');
    await line2.getByLabel('Unit price').fill('0.10');
    await form.getByLabel('Discount', { exact: true }).fill('5');
    await form.getByLabel('Tax').fill('11.01');
    await form.getByLabel('Shipping', { exact: true }).fill('4.95');

    await form.getByRole('button', { name: 'Place order' }).click();
    const quantity = line2.getByLabel('Quantity');
    await poll(() => quantity.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator(`[id="${await quantity.getAttribute('aria-describedby')}"]`).innerText()).toBe('Quantity is a whole number');
    expect(await quantity.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/dashboard/orders/new');

    await quantity.fill('1');
    // 3 × £19.99 + £0.10 − £5.00 + £11.01 + £4.95, in pence: 5997 + 10 − 500 + 1101 + 495.
    await poll(() => orderFigure('Subtotal')).toBe('£60.07');
    await poll(() => orderFigure('Total')).toBe('£71.03');
  });

  it('places the order as pending and opens its page', async () => {
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.waitForURL(ORDER_URL);
    orderUrl = page.url();
    await page.getByRole('heading', { name: /^Order #\d+$/, level: 1 }).waitFor();
    await page.locator('header').getByText('Pending', { exact: true }).waitFor();
    expect(await page.getByRole('row', { name: /Enamel mug/ }).innerText()).toContain('£59.97');
    expect(await orderFigure('Total')).toBe('£71.03');
    // The addresses it was placed with, written the American way.
    const shipping = page.getByRole('region', { name: 'Shipping address' });
    const billing = page.getByRole('region', { name: 'Billing address' });
    expect(await shipping.innerText()).toMatch(/Dorothy Vaughan\s+12 Mercury Road\s+Hampton, VA 23666\s+United States/);
    expect(await billing.innerText()).toMatch(/NACA\s+1 Langley Field\s+Hampton, VA 23665/);
  });

  it('completes the order after confirmation', async () => {
    await page.getByRole('button', { name: 'Complete', exact: true }).click();
    const dialog = page.getByRole('alertdialog', { name: /^Complete order #\d+\?$/ });
    expect(await dialog.innerText()).toContain(`£71.03 is added to ${CUSTOMER}’s total spend`);
    await dialog.getByRole('button', { name: 'Complete order' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('header').getByText('Completed', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Complete', exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Refund' }).waitFor();
  });

  it('her page, reached by the link, shows the new total spend and last order date', async () => {
    await page.getByRole('link', { name: CUSTOMER }).click();
    await page.waitForURL(CUSTOMER_URL);
    await poll(() => stat('Total spend')).toBe('£71.03');
    expect(await stat('Orders')).toBe('1');
    expect(await stat('Last order')).toBe(TODAY);
  });

  it('refunds £20.00 once when submitted twice with one key, and her total spend drops by exactly that', async () => {
    await page.goto(orderUrl);
    const open = page.getByRole('button', { name: 'Refund' });
    await waitForHydration(open);
    await open.click();
    const dialog = page.getByRole('alertdialog', { name: /^Refund order #\d+\?$/ });
    const amount = dialog.getByLabel('Amount to refund');
    // The rest of the order is offered.
    expect(await amount.inputValue()).toBe('71.03');
    await amount.fill('20.00');
    await dialog.getByLabel('Reason (optional)').fill('Mug arrived chipped');
    await dialog.getByRole('button', { name: 'Refund £20.00' }).waitFor();

    // Two submits in one task, before React can disable the button (as a double Enter can): both reach the
    // server with the dialog's one idempotency key, and only one of them refunds.
    const keys: string[] = [];
    const record = (request: Request) => {
      const key = /"idempotencyKey":"([^"]+)"/.exec(request.postData() ?? '')?.[1];
      if (request.method() === 'POST' && key) keys.push(key);
    };
    page.on('request', record);
    await dialog.locator('form').evaluate((form: HTMLFormElement) => {
      form.requestSubmit();
      form.requestSubmit();
    });
    await dialog.waitFor({ state: 'hidden' });
    page.off('request', record);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);

    await page.locator('header').getByText('Partially refunded', { exact: true }).waitFor();
    expect(await orderFigure('Refunded')).toBe('-£20.00');
    expect(await orderFigure('Net after refunds')).toBe('£51.03');
    // The refund itself: how much, why, who and when, in its own list and in the history.
    const refunds = page.getByRole('list', { name: 'Refunds' }).getByRole('listitem');
    await poll(() => refunds.count()).toBe(1);
    expect(await refunds.innerText()).toMatch(/Mug arrived chipped[\s\S]*By Shop Owner · \d+ \w+ \d{4}, \d\d:\d\d[\s\S]*-£20\.00/);
    expect(await page.getByText('Refunded £20.00 by Shop Owner').count()).toBe(1);

    await page.getByRole('link', { name: CUSTOMER }).click();
    await page.waitForURL(CUSTOMER_URL);
    await poll(() => stat('Total spend')).toBe('£51.03');
    expect(await stat('Last order')).toBe(TODAY);
  });
  it('shows staff the order but not the refund, which only owners and admins may make', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const staffPage = await context.newPage();
    staffPage.setDefaultTimeout(20_000);
    await signIn(staffPage, baseURL, STAFF);
    await staffPage.goto(orderUrl);
    await staffPage.getByRole('heading', { name: /^Order #\d+$/, level: 1 }).waitFor();
    await staffPage.locator('header').getByText('Partially refunded', { exact: true }).waitFor();
    expect(await staffPage.getByRole('button', { name: 'Refund' }).count()).toBe(0);
    await context.close();
  });

  it('names the service’s refusal under the Customer field when the customer is deleted after being chosen', async () => {
    const api = (path: string, init: RequestInit = {}) =>
      fetch(`${baseURL}/api/v1${path}`, { ...init, headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' } });
    const created = await api('/customers', { method: 'POST', body: JSON.stringify({ firstName: 'Mary', lastName: 'Jackson', email: `mary.jackson.${Date.now()}@langley.example` }) });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };

    await page.goto(`${baseURL}/dashboard/orders/new?customerId=${id}`);
    const form = page.locator('form[aria-label="New order"]');
    await waitForHydration(form);
    await form.getByRole('button', { name: 'Change customer (now Mary Jackson)' }).waitFor();
    const line = form.getByRole('group', { name: 'Item 1' });
    await line.getByLabel('SKU').fill('MUG-01');
    await line.getByLabel('Item name').fill('Enamel mug');
    await line.getByLabel('Unit price').fill('19.99');
    expect((await api(`/customers/${id}`, { method: 'DELETE' })).status).toBe(204);

    await form.getByRole('button', { name: 'Place order' }).click();
    const selected = form.locator('[aria-describedby$="-error"]', { hasText: 'Mary Jackson' });
    await selected.waitFor();
    expect(await page.locator(`[id="${await selected.getAttribute('aria-describedby')}"]`).innerText()).toBe('No customer with this id');
    expect(new URL(page.url()).pathname).toBe('/dashboard/orders/new');
  });
});
