import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { clickHydrated, launchBrowser, signIn, waitForHydration } from './browser';
import { DISCOUNT_CUSTOMERS, OWNER } from './fixtures';

// Discounts journey: create a VIP-only discount in the dashboard, then check a VIP customer (eligible) and a
// Retail customer (not, with the reason) with the checker on the discount's page.
const baseURL = inject('baseURL');
const CODE = `VIP${Date.now().toString(36).toUpperCase()}`;
const ORDER_CODE = `ORDER${Date.now().toString(36).toUpperCase()}`;
const apiKey = inject('apiKey');
const { vip, retail } = DISCOUNT_CUSTOMERS;

let browser: Browser;
let page: Page;

async function check(customer: { firstName: string; lastName: string }): Promise<{ verdict: string; reason: string }> {
  const change = page.getByRole('button', { name: /^Change customer/ });
  if (await change.isVisible()) await change.click();
  await page.getByLabel('Customer', { exact: true }).fill(customer.firstName);
  await page.getByRole('option', { name: new RegExp(`${customer.firstName} ${customer.lastName}`) }).click();
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  const status = page.getByRole('status').filter({ hasText: `${customer.firstName} ${customer.lastName} is` });
  await status.waitFor();
  return { verdict: (await status.locator('p').first().textContent()) ?? '', reason: (await status.getByTestId('eligibility-reason').textContent()) ?? '' };
}

describe('discounts', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(20_000);
    await signIn(page, baseURL, OWNER);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('creates a VIP-only discount and lists it', async () => {
    await page.goto(`${baseURL}/dashboard/discounts/new`);
    await waitForHydration(page.locator('form button[type="submit"]').first());
    await page.getByLabel('Code').fill(CODE.toLowerCase());
    await page.getByLabel('Percent off').fill('10');
    await page.getByLabel('VIP', { exact: true }).check();
    await page.getByRole('button', { name: 'Create discount' }).click();
    await page.waitForURL(/\/dashboard\/discounts\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: CODE }).waitFor();

    await page.goto(`${baseURL}/dashboard/discounts`);
    const row = page.getByRole('row').filter({ hasText: CODE });
    expect(await row.textContent()).toMatch(/10% off.*VIP.*0 \/ ∞.*Active/);
  });

  it('shows a VIP customer eligible and a Retail customer not, with the reason', async () => {
    await clickHydrated(page.getByRole('link', { name: CODE }));
    await page.getByRole('heading', { name: CODE }).waitFor();
    await waitForHydration(page.locator('form[aria-label="Check eligibility"] button').first());

    expect(await check(vip)).toEqual({ verdict: `${vip.firstName} ${vip.lastName} is eligible`, reason: 'Eligible: 10% off for VIP customers' });
    expect(await check(retail)).toEqual({ verdict: `${retail.firstName} ${retail.lastName} is not eligible`, reason: 'Only for VIP customers' });
  });

  it('takes the code on a new order: refused for a Retail customer with the reason on the field, 10% off for the VIP', async () => {
    // A discount of its own (VIP only, 10%), so the one above stays unused for the deletion at the end.
    const api = (route: string, init?: RequestInit) => fetch(`${baseURL}/api/v1${route}`, { ...init, headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' } });
    const groups = (await (await api('/customer-groups')).json()) as { data: { id: string; name: string }[] };
    const vipGroup = groups.data.find((group) => group.name === 'VIP')!;
    const created = await api('/discounts', { method: 'POST', body: JSON.stringify({ code: ORDER_CODE, kind: 'percentage', value: 10, customerGroupIds: [vipGroup.id] }) });
    expect(created.status).toBe(201);

    await page.goto(`${baseURL}/dashboard/orders/new`);
    await waitForHydration(page.locator('form[aria-label="New order"] button[type="submit"]').first());
    const form = page.locator('form[aria-label="New order"]');
    const chooseCustomer = async (customer: { firstName: string; lastName: string }) => {
      const change = form.getByRole('button', { name: /^Change customer/ });
      if (await change.isVisible()) await change.click();
      await form.getByLabel('Customer', { exact: true }).fill(customer.firstName);
      await page.getByRole('option', { name: new RegExp(`${customer.firstName} ${customer.lastName}`) }).click();
    };
    await chooseCustomer(retail);
    const line = form.getByRole('group', { name: 'Item 1' });
    await line.getByLabel('SKU').fill('VASE-1');
    await line.getByLabel('Item name').fill('Glass vase');
    await line.getByLabel('Unit price').fill('20.00');
    await form.getByLabel('Discount code').fill(ORDER_CODE.toLowerCase());
    await form.getByRole('button', { name: 'Place order' }).click();
    const code = form.getByLabel('Discount code');
    await expect.poll(() => code.getAttribute('aria-invalid'), { timeout: 15_000 }).toBe('true');
    expect(await page.locator(`[id="${await code.getAttribute('aria-describedby')}"]`).innerText()).toContain('Only for VIP customers');
    expect(new URL(page.url()).pathname).toBe('/dashboard/orders/new');

    await chooseCustomer(vip);
    await form.getByRole('button', { name: 'Place order' }).click();
    await page.waitForURL(/\/dashboard\/orders\/[0-9a-f-]{36}$/);
    const discountRow = page.locator('dl > div').filter({ hasText: `Discount (${ORDER_CODE})` });
    expect(await discountRow.locator('dd').innerText()).toMatch(/^[-−]£2\.00$/);
  });

  it('deactivates it in the edit form, after which the VIP customer is not eligible either', async () => {
    await page.goto(`${baseURL}/dashboard/discounts`);
    await clickHydrated(page.getByRole('link', { name: CODE }));
    await page.getByRole('heading', { name: CODE }).waitFor();
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.waitForURL(/\/edit$/);
    await waitForHydration(page.locator('form button[type="submit"]').first());
    expect(await page.getByLabel('Percent off').inputValue()).toBe('10');
    await page.getByLabel('Active (customers can use it)').uncheck();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(/\/dashboard\/discounts\/[0-9a-f-]{36}$/);
    await page.getByText('Inactive', { exact: true }).waitFor();
    await waitForHydration(page.locator('form[aria-label="Check eligibility"] button').first());
    expect(await check(vip)).toEqual({ verdict: `${vip.firstName} ${vip.lastName} is not eligible`, reason: 'Inactive' });
  });

  it('deletes the unused discount after confirming, and the list no longer shows it', async () => {
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('alertdialog', { name: `Delete ${CODE}?` }).getByRole('button', { name: 'Delete discount' }).click();
    await page.waitForURL(/\/dashboard\/discounts$/);
    await expect.poll(() => page.getByRole('row').filter({ hasText: CODE }).count()).toBe(0);
  });
});
