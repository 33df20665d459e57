import { readFile } from 'node:fs/promises';

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import type { PersonalDataExport } from '@/lib/privacy-types';

import { launchBrowser, signIn } from './browser';
import { OWNER } from './fixtures';
import { clientAddress, placeOrder, signUpStoreCustomerOverHttp, STORE_PASSWORD, storeApi, uniqueEmail } from './store-fixtures';

// A privacy request from start to end: download everything stored about a customer with orders, then erase them with
// the typed confirmation; their page keeps the orders without the person, and the list and search no longer find them.
const baseURL = inject('baseURL');
const apiKey = inject('apiKey');
const outboxDir = inject('outboxDir');
const stamp = Date.now();
const PERSON = { firstName: 'Philippa', lastName: `Erasmus${stamp}`, email: `philippa.erasmus.${stamp}@privacy.example`, phone: '+447911222333', company: 'Erasmus Tea Rooms' };

let browser: Browser;
let page: Page;
let customerId = '';
let orderNumber = '';

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseURL}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.status, `${method} ${path}`).toBeLessThan(300);
  return (await response.json()) as T;
}

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('customer privacy: download data, then erase', () => {
  beforeAll(async () => {
    // Seeded through the API, as an integration would: a customer with an address and a completed order.
    customerId = (await api<{ id: string }>('POST', '/customers', { ...PERSON, notes: 'Allergic to bergamot', tags: ['tea-club'] })).id;
    await api('POST', `/customers/${customerId}/addresses`, { line1: '3 Darjeeling Row', city: 'Bath', postalCode: 'BA1 1AA', countryCode: 'GB' });
    const order = await api<{ id: string; orderNumber: string }>('POST', '/orders', { customerId, items: [{ sku: 'TEA-1', name: 'Assam, 250 g', quantity: 3, unitPrice: 850 }] });
    await api('POST', `/orders/${order.id}/complete`, {});
    orderNumber = order.orderNumber;

    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    page.setDefaultTimeout(20_000);
    await signIn(page, baseURL, OWNER);
  });

  it('downloads everything stored about the customer as a JSON file', async () => {
    await page.goto(`${baseURL}/dashboard/customers/${customerId}`);
    await page.getByRole('heading', { name: `${PERSON.firstName} ${PERSON.lastName}`, level: 1 }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download data' }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^customer-${customerId}-data-\\d{4}-\\d{2}-\\d{2}\\.json$`));
    const data = JSON.parse(await readFile((await download.path())!, 'utf8')) as PersonalDataExport;
    expect(data.customer).toMatchObject({ email: PERSON.email, company: PERSON.company, notes: 'Allergic to bergamot' });
    expect(data.addresses.map((address) => address.line1)).toEqual(['3 Darjeeling Row']);
    expect(data.orders).toEqual([expect.objectContaining({ orderNumber, total: 2550, items: [expect.objectContaining({ sku: 'TEA-1', quantity: 3 })] })]);
  });

  it('offers erasure from the delete dialog and erases only after ERASE is typed', async () => {
    await page.getByRole('button', { name: 'Delete' }).click();
    const refusal = page.getByRole('alertdialog');
    await refusal.getByText('cannot be deleted').waitFor();
    await refusal.getByRole('button', { name: 'Erase personal data…' }).click();

    const dialog = page.getByRole('alertdialog', { name: /Erase .*personal data\?/ });
    await dialog.waitFor();
    const confirm = dialog.getByRole('button', { name: 'Erase personal data' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel('Type ERASE to confirm').fill('erase');
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel('Type ERASE to confirm').fill('ERASE');
    await confirm.click();

    await page.getByRole('heading', { name: 'Erased customer', level: 1 }).waitFor();
    await page.getByText(/Personal data erased/).first().waitFor();
  });

  it('shows the erased page: orders and totals kept, personal data gone', async () => {
    await page.reload();
    await page.getByRole('heading', { name: 'Erased customer', level: 1 }).waitFor();
    await page.getByRole('link', { name: orderNumber }).first().waitFor();
    const text = await page.locator('main').innerText();
    for (const value of [PERSON.email, PERSON.lastName, PERSON.company, 'bergamot', 'Darjeeling', 'tea-club', '7911 222333']) expect(text).not.toContain(value);
    expect(text).toContain('£25.50');
    // Nothing left to edit, no new orders.
    expect(await page.getByRole('link', { name: 'Edit', exact: true }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'New order' }).count()).toBe(0);
  });

  it('is gone from the customer list and search, and the erased filter shows it', async () => {
    await page.goto(`${baseURL}/dashboard/customers?q=${encodeURIComponent(PERSON.lastName)}`);
    await page.getByRole('heading', { name: 'Customers', level: 1 }).waitFor();
    expect(await page.locator(`a[href="/dashboard/customers/${customerId}"]`).count()).toBe(0);
    await page.goto(`${baseURL}/dashboard/customers?sort=createdAt:desc`);
    await page.getByRole('heading', { name: 'Customers', level: 1 }).waitFor();
    expect(await page.locator(`a[href="/dashboard/customers/${customerId}"]`).count()).toBe(0);

    await page.goto(`${baseURL}/dashboard/customers?erased=only`);
    await page.getByText('Erased customers only').first().waitFor();
    await page.locator(`a[href="/dashboard/customers/${customerId}"]`).first().waitFor();

    const search = (await api<{ data: { id: string }[] }>('GET', `/customers?q=${encodeURIComponent(PERSON.email)}`)).data;
    expect(search).toEqual([]);
  });
});

describe('the shopper: download my data, then delete my account', () => {
  it('downloads their own data, and after the password deletes the account at once, keeping the order for the shop', async () => {
    const shopper = await signUpStoreCustomerOverHttp(baseURL, outboxDir, { email: uniqueEmail('leaving'), firstName: 'Lena', lastName: `Leaving${stamp}` });
    const order = await placeOrder(baseURL, apiKey, { customerId: shopper.customerId, items: [{ sku: 'MUG-1', name: 'Mug', quantity: 1, unitPrice: 1200 }] });
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, acceptDownloads: true });
    await context.setExtraHTTPHeaders({ 'x-forwarded-for': clientAddress() });
    const store = await context.newPage();
    store.setDefaultTimeout(20_000);
    await store.goto(`${baseURL}/store/sign-in`);
    const signInButton = store.getByRole('button', { name: 'Sign in', exact: true });
    await expect.poll(() => signInButton.isEnabled(), { timeout: 15_000 }).toBe(true);
    await store.getByLabel('Email').fill(shopper.email);
    await store.getByLabel('Password', { exact: true }).fill(STORE_PASSWORD);
    await signInButton.click();
    await store.waitForURL('**/store/account**');
    await store.goto(`${baseURL}/store/account/profile`);
    await store.getByRole('heading', { name: 'Your data' }).waitFor();

    const [download] = await Promise.all([store.waitForEvent('download'), store.getByRole('link', { name: 'Download my data' }).click()]);
    const data = JSON.parse(await readFile((await download.path())!, 'utf8')) as PersonalDataExport;
    expect(data.customer).toMatchObject({ id: shopper.customerId, email: shopper.email });
    expect(data.orders.map((o) => o.id)).toEqual([order.id]);
    expect(data.storefrontLogin).toMatchObject({ email: shopper.email, emailVerified: true });

    await store.getByRole('button', { name: 'Delete my account…' }).click();
    const password = store.getByLabel('Your password, to confirm it is you');
    await password.fill('not-my-password');
    await store.getByRole('button', { name: 'Delete my account and data' }).click();
    await store.getByText('That is not the password of this account').waitFor();
    expect((await storeApi(baseURL, shopper.cookie)('/me')).status).toBe(200);

    await password.fill(STORE_PASSWORD);
    await store.getByRole('button', { name: 'Delete my account and data' }).click();
    await store.getByText('Your account is deleted and your personal data erased.').waitFor();
    expect((await storeApi(baseURL, shopper.cookie)('/me')).status).toBe(401);
    const kept = await api<{ firstName: string; email: string | null; orderCount: number; erasedAt: string | null }>('GET', `/customers/${shopper.customerId}`);
    expect(kept).toMatchObject({ firstName: 'Erased customer', email: null, orderCount: 1, erasedAt: expect.any(String) });
    await context.close();
  });
});
