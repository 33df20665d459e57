import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { launchBrowser, signIn, waitForHydration } from './browser';
import { OWNER } from './fixtures';
import { adminApi, clientAddress, outboxFiles, placeOrder, STORE_PASSWORD, uniqueEmail, waitForMail, type PlacedOrder } from './store-fixtures';

// One shopper on a phone: signs up with name and email, confirms by choosing the password through the mailed link,
// edits their details, keeps two addresses, sees the orders staff entered for them; then staff see all of it on the
// customer's page. Also: signing out and in again, and a forgotten password replaced through the mailed link.
const baseURL = inject('baseURL');
const apiKey = inject('apiKey');
const outboxDir = inject('outboxDir');
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const NEW_PASSWORD = 'a-new-horse-battery';

const shopper = { firstName: 'Gracie', lastName: 'Hopper', email: uniqueEmail('grace.hopper') };
const renamed = { firstName: 'Grace', lastName: 'Murray Hopper' };
const HOME = { line1: '1 Harvard Yard', city: 'Cambridge', postalCode: 'CB2 1TN' };
const OFFICE = { line1: '31 Naval Observatory Row', city: 'Arlington', postalCode: 'AR1 2NA' };

let browser: Browser;
let context: BrowserContext;
let page: Page;
let customerId = '';
// Where the shopper's browser is after following the mailed link: the server names itself in the links it mails
// (without BETTER_AUTH_URL that is its own hostname, which may differ from the address the test opened it at).
let origin = baseURL;
const orders: PlacedOrder[] = [];

const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });

/** A phone-sized page of its own (own cookies), from its own client address (sign-in is limited per address). */
async function phonePage(): Promise<{ context: BrowserContext; page: Page }> {
  const ctx = await browser.newContext(PHONE);
  await ctx.setExtraHTTPHeaders({ 'x-forwarded-for': clientAddress() });
  const p = await ctx.newPage();
  p.setDefaultTimeout(20_000);
  return { context: ctx, page: p };
}

/** Fills in the store's sign-in form on the page as it is (opening it first unless it is already there). */
async function signInToStore(target: Page, password: string): Promise<void> {
  if (new URL(target.url()).pathname !== '/store/sign-in') await target.goto(`${origin}/store/sign-in`);
  const button = target.getByRole('button', { name: 'Sign in', exact: true });
  await poll(() => button.isEnabled()).toBe(true);
  await target.getByLabel('Email').fill(shopper.email);
  await target.getByLabel('Password', { exact: true }).fill(password);
  await button.click();
}

/** The address card on the customer's addresses page that holds this first line. */
function card(line1: string): Locator {
  return page.getByRole('list', { name: 'Saved addresses' }).getByRole('listitem').filter({ hasText: line1 });
}

async function badgesOf(item: Locator): Promise<string[]> {
  const text = await item.innerText();
  return ['Default shipping', 'Default billing'].filter((badge) => text.includes(badge));
}

describe('store account journey on a phone', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    ({ context, page } = await phonePage());
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('signs up with name and email, is told to check their email, cannot sign in until confirming, and confirms by choosing the password', async () => {
    await page.goto(`${baseURL}/store/sign-up`);
    const create = page.getByRole('button', { name: 'Create account' });
    await poll(() => create.isEnabled()).toBe(true);
    // The password is typed once, on the page the mail links to; sign-up does not ask for it.
    expect(await page.getByLabel(/password/i).count()).toBe(0);
    await page.getByLabel('First name').fill(shopper.firstName);
    await page.getByLabel('Last name (optional)').fill(shopper.lastName);
    await page.getByLabel('Email').fill(shopper.email);
    const before = outboxFiles(outboxDir);
    await create.click();
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();
    expect(await page.getByText(shopper.email).count()).toBeGreaterThan(0);
    expect(await page.getByText('Open it to choose your password').count()).toBe(1);

    const account = await context.request.get(`${baseURL}/store/account`, { maxRedirects: 0 });
    expect(account.status()).toBe(307);
    expect(new URL(account.headers().location, baseURL).pathname).toBe('/store/sign-in');

    // Before confirming there is no password of theirs to sign in with.
    const { context: other, page: early } = await phonePage();
    await signInToStore(early, STORE_PASSWORD);
    await early.getByRole('alert').filter({ hasText: 'Wrong email or password.' }).waitFor();
    await other.close();

    // The check-your-email step sends the link again (sign-in sends none).
    const sentBefore = outboxFiles(outboxDir);
    await page.getByRole('button', { name: 'Resend the link' }).click();
    await page.getByRole('status').filter({ hasText: 'We sent a new link.' }).waitFor();
    await waitForMail(outboxDir, { to: shopper.email, subject: /confirm your email/i, before: sentBefore });

    // The mailed link asks for the password: choosing it is what confirms the email, then it signs in.
    const mail = await waitForMail(outboxDir, { to: shopper.email, subject: /confirm your email/i, before });
    expect(mail.text).toContain(`Hello ${shopper.firstName},`);
    expect(mail.link).toMatch(/^http:\/\/(127\.0\.0\.1|localhost):\d+\/store\/verify-email\?token=/);
    await page.goto(mail.link!);
    origin = new URL(mail.link!).origin;
    await page.getByRole('heading', { name: 'Choose your password' }).waitFor();
    expect(await page.getByText(shopper.email).count()).toBeGreaterThan(0);
    const confirm = page.getByRole('button', { name: 'Confirm and sign in' });
    await poll(() => confirm.isEnabled()).toBe(true);
    await page.getByLabel('Password', { exact: true }).fill(STORE_PASSWORD);
    await page.getByLabel('Password, again').fill(STORE_PASSWORD);
    await confirm.click();
    await page.waitForURL(`${origin}/store/account`);
    await page.getByRole('heading', { name: `Hello, ${shopper.firstName}`, level: 1 }).waitFor();

    const found = await adminApi(baseURL, apiKey)(`/customers?q=${encodeURIComponent(shopper.email)}`);
    const { data } = (await found.json()) as { data: { id: string; email: string }[] };
    expect(data.map((c) => c.email)).toEqual([shopper.email]);
    customerId = data[0].id;
  });

  it('changes the name and phone and gives email consent, which then shows when it was given', async () => {
    await page.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: 'Profile' }).click();
    await page.waitForURL('**/store/account/profile');
    const form = page.getByRole('form', { name: 'Your details' });
    await waitForHydration(form);
    expect(await form.getByLabel('Email', { exact: true }).inputValue()).toBe(shopper.email);
    await form.getByLabel('First name').fill(renamed.firstName);
    await form.getByLabel('Last name').fill(renamed.lastName);
    await form.getByLabel('Phone (optional)').fill('+44 7911 123456');
    const consent = form.getByLabel('Email me offers and news');
    expect(await consent.isChecked()).toBe(false);
    await consent.check();
    await form.getByText('Recorded when you save').waitFor();

    await form.getByRole('button', { name: 'Save details' }).click();
    await page.getByRole('status').filter({ hasText: 'Your details are saved.' }).waitFor();
    // The form is drawn again from the saved details (a new version), so look it up afresh.
    await page.getByRole('form', { name: 'Your details' }).getByText(/^Given on \d/).waitFor();

    // Saved, not just shown: a fresh load has the new details, and the account greets the new name.
    await page.reload();
    const reloaded = page.getByRole('form', { name: 'Your details' });
    // The fields get their values when the form's script runs.
    await waitForHydration(reloaded);
    await poll(() => reloaded.getByLabel('First name').inputValue()).toBe(renamed.firstName);
    expect(await reloaded.getByLabel('Last name').inputValue()).toBe(renamed.lastName);
    expect(await reloaded.getByLabel('Phone (optional)').inputValue()).toMatch(/^\+44 ?7911 ?123456$/);
    expect(await reloaded.getByLabel('Email me offers and news').isChecked()).toBe(true);
    expect(await page.getByText(/^Given on \d/).count()).toBe(1);
    expect(await page.getByText(`${renamed.firstName} ${renamed.lastName}`, { exact: true }).count()).toBeGreaterThan(0);
  });

  async function addAddress(address: typeof HOME, trigger: Locator) {
    await waitForHydration(trigger);
    await trigger.click();
    const dialog = page.getByRole('dialog', { name: 'Add an address' });
    await dialog.waitFor();
    expect(await dialog.getByLabel('First name').inputValue()).toBe(renamed.firstName);
    await dialog.getByLabel('Address line 1').fill(address.line1);
    await dialog.getByLabel('Town or city').fill(address.city);
    await dialog.getByLabel('Postcode').fill(address.postalCode);
    expect(await dialog.getByLabel('Country').inputValue()).toBe('GB');
    await dialog.getByRole('button', { name: 'Add address' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await card(address.line1).waitFor();
  }

  it('adds two addresses: the first is both defaults; making the second the shipping default moves only that', async () => {
    await page.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: 'Addresses' }).click();
    await page.waitForURL('**/store/account/addresses');
    await page.getByText('No addresses yet').waitFor();
    await addAddress(HOME, page.getByRole('button', { name: 'Add address' }));
    expect(await badgesOf(card(HOME.line1))).toEqual(['Default shipping', 'Default billing']);

    await addAddress(OFFICE, page.getByRole('button', { name: 'Add address' }));
    expect(await badgesOf(card(OFFICE.line1))).toEqual([]);

    const makeDefault = card(OFFICE.line1).getByRole('button', { name: /^Make default shipping/ });
    await waitForHydration(makeDefault);
    await makeDefault.click();
    await poll(() => badgesOf(card(OFFICE.line1))).toEqual(['Default shipping']);
    expect(await badgesOf(card(HOME.line1))).toEqual(['Default billing']);
    // And so it stays after a fresh load.
    await page.reload();
    expect(await badgesOf(card(OFFICE.line1))).toEqual(['Default shipping']);
    expect(await badgesOf(card(HOME.line1))).toEqual(['Default billing']);
  });

  it('sees the orders staff entered for them, newest first, and opens one', async () => {
    const threeDaysAgo = new Date(Date.now() - 3 * 24 * 60 * 60 * 1000).toISOString();
    const api = adminApi(baseURL, apiKey);
    // An older phone order entered after the fact, then today's.
    const older = await api('/orders', {
      method: 'POST',
      body: JSON.stringify({ customerId, placedAt: threeDaysAgo, items: [{ sku: 'COBOL-1', name: 'Compiler manual', quantity: 1, unitPrice: 1500 }] }),
    });
    expect(older.status, await older.clone().text()).toBe(201);
    orders.push((await older.json()) as PlacedOrder);
    expect((await api(`/orders/${orders[0].id}/complete`, { method: 'POST' })).status).toBe(200);
    orders.push(await placeOrder(baseURL, apiKey, { customerId, items: [{ sku: 'BUG-1', name: 'Moth in a logbook', quantity: 2, unitPrice: 995 }] }));

    await page.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: 'Orders' }).click();
    await page.waitForURL('**/store/account/orders');
    const rows = page.getByRole('main').getByRole('link', { name: /^Order / });
    await poll(() => rows.count()).toBe(2);
    const texts = await rows.allInnerTexts();
    expect(texts[0]).toContain(`Order ${orders[1].orderNumber}`);
    expect(texts[0]).toContain('£19.90');
    expect(texts[1]).toContain(`Order ${orders[0].orderNumber}`);
    expect(texts[1]).toContain('£15.00');

    await rows.first().click();
    await page.waitForURL(`**/store/account/orders/${orders[1].id}`);
    await page.getByRole('heading', { name: `Order ${orders[1].orderNumber}`, level: 1 }).waitFor();
    expect(await page.getByText('Moth in a logbook').count()).toBe(1);
    expect(await page.getByText('Compiler manual').count()).toBe(0);
  });

  it("shows staff the customer's new name, phone, consent, addresses with the right defaults, orders, and what the customer did", async () => {
    const staff = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const dashboard = await staff.newPage();
    dashboard.setDefaultTimeout(20_000);
    await signIn(dashboard, baseURL, OWNER);
    await dashboard.goto(`${baseURL}/dashboard/customers/${customerId}`);
    await dashboard.getByRole('heading', { name: `${renamed.firstName} ${renamed.lastName}`, level: 1 }).waitFor();
    const body = await dashboard.locator('main').innerText();
    expect(body).toContain('+44 7911 123456');
    expect(body).toContain('Email: subscribed');
    expect(body).toMatch(/Consent given \d/);
    expect(body).toContain('SMS: not subscribed');

    const addresses = dashboard.locator('address');
    const addressCard = (line1: string) => dashboard.getByRole('listitem').filter({ has: addresses.filter({ hasText: line1 }) });
    expect(await addressCard(OFFICE.line1).innerText()).toContain('Default shipping');
    expect(await addressCard(OFFICE.line1).innerText()).not.toContain('Default billing');
    expect(await addressCard(HOME.line1).innerText()).toContain('Default billing');
    expect(await addressCard(HOME.line1).innerText()).not.toContain('Default shipping');

    for (const order of orders) expect(body).toContain(String(order.orderNumber));
    const timeline = dashboard.locator('ol').filter({ hasText: 'The customer' });
    const entries = await timeline.locator(':scope > li').allInnerTexts();
    const byCustomer = entries.filter((entry) => entry.startsWith('The customer'));
    expect(byCustomer.length).toBeGreaterThanOrEqual(3);
    expect(byCustomer.join('\n')).toMatch(/first name/i);
    expect(byCustomer.join('\n')).toContain('Email marketing consent given');
    await staff.close();
  });

  it('signs out, cannot open the account any more, and signs in again', async () => {
    await page.goto(`${origin}/store/account`);
    const signOut = page.getByRole('button', { name: 'Sign out' });
    await waitForHydration(signOut);
    await signOut.click();
    await page.waitForURL(`${origin}/store`);
    await page.goto(`${origin}/store/account/orders`);
    await page.waitForURL(/\/store\/sign-in\?next=%2Fstore%2Faccount%2Forders$/);

    await signInToStore(page, STORE_PASSWORD);
    await page.waitForURL('**/store/account/orders');
    await page.getByRole('main').getByRole('link', { name: `Order ${orders[1].orderNumber}` }).waitFor();
  });

  it('replaces a forgotten password through the mailed link; the old password and the old session stop working', async () => {
    const { context: other, page: fresh } = await phonePage();
    await fresh.goto(`${origin}/store/sign-in`);
    await fresh.getByRole('link', { name: 'Forgot your password?' }).click();
    await fresh.waitForURL('**/store/forgot-password');
    const send = fresh.getByRole('button', { name: 'Send me a link' });
    await poll(() => send.isEnabled()).toBe(true);
    await fresh.getByLabel('Email').fill(shopper.email);
    const before = outboxFiles(outboxDir);
    await send.click();
    await fresh.getByRole('heading', { name: 'Check your email' }).waitFor();

    const mail = await waitForMail(outboxDir, { to: shopper.email, subject: /reset your .* password/i, before });
    expect(new URL(mail.link!).origin).toBe(origin);
    await fresh.goto(mail.link!);
    await fresh.waitForURL(/\/store\/reset-password\?token=/);
    const save = fresh.getByRole('button', { name: 'Save new password' });
    await poll(() => save.isEnabled()).toBe(true);
    await fresh.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await fresh.getByLabel('New password, again').fill(NEW_PASSWORD);
    const resetPage = fresh.url();
    await save.click();
    await fresh.waitForURL(/\/store\/sign-in\?notice=password_reset/);

    // The used link, opened again (say from the history), says so at once rather than offering a form that cannot work.
    await fresh.goto(resetPage);
    await fresh.getByRole('heading', { name: 'This link does not work' }).waitFor();
    expect(await fresh.getByLabel('New password', { exact: true }).count()).toBe(0);
    await fresh.getByRole('link', { name: 'Ask for a new link' }).click();
    await fresh.waitForURL('**/store/forgot-password');

    // Resetting signs out everywhere: the phone's earlier session is gone.
    await page.goto(`${origin}/store/account`);
    await page.waitForURL(/\/store\/sign-in/);

    await signInToStore(fresh, STORE_PASSWORD);
    await fresh.getByRole('alert').filter({ hasText: 'Wrong email or password.' }).waitFor();
    expect(new URL(fresh.url()).pathname).toBe('/store/sign-in');

    await signInToStore(fresh, NEW_PASSWORD);
    await fresh.waitForURL(`${origin}/store/account`);
    await fresh.getByRole('heading', { name: `Hello, ${renamed.firstName}`, level: 1 }).waitFor();
    await other.close();
  });
});
