import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { launchBrowser, signIn, waitForHydration } from './browser';
import { OWNER } from './fixtures';

// Signing in, the dashboard shell and the customer list: search, sort, and the mobile menu.
const baseURL = inject('baseURL');

let browser: Browser;
let page: Page;

// Each step waits for a server round trip (and the search box's 300 ms debounce), beyond expect.poll's 1 s default.
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });

/** The names in the table, top to bottom. */
function tableNames(): Promise<string[]> {
  // The name links to the customer; for owners and admins a selection checkbox comes before it.
  return page.locator('table tbody tr a[href^="/dashboard/customers/"]').allInnerTexts();
}

describe('dashboard access', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('sends a visitor without a session to sign-in', async () => {
    const context = await browser.newContext();
    const anonymous = await context.newPage();
    await anonymous.goto(`${baseURL}/dashboard/customers`);
    expect(new URL(anonymous.url()).pathname).toBe('/sign-in');
    await poll(() => anonymous.getByRole('button', { name: 'Sign in' }).isVisible()).toBe(true);
    await context.close();
  });

  it('answers 401 to an API request without credentials', async () => {
    const response = await fetch(`${baseURL}/api/v1/customers`);
    expect(response.status).toBe(401);
  });

  it('says so when the password is wrong, and stays on sign-in', async () => {
    const context = await browser.newContext();
    const visitor = await context.newPage();
    visitor.setDefaultTimeout(20_000);
    await visitor.goto(`${baseURL}/sign-in`);
    await waitForHydration(visitor.locator('form'));
    await visitor.getByLabel('Email').fill(OWNER.email);
    await visitor.getByLabel('Password').fill('not-the-password');
    await visitor.getByRole('button', { name: 'Sign in' }).click();
    await poll(() => visitor.getByRole('alert').filter({ hasText: 'Wrong email or password' }).isVisible()).toBe(true);
    expect(new URL(visitor.url()).pathname).toBe('/sign-in');
    // The password never travels in the URL.
    expect(visitor.url()).not.toContain('not-the-password');
    await context.close();
  });

  it('after too many wrong passwords for one email, says when to try again', async () => {
    // Ten failures from ten addresses, as someone guessing past the per-address limit would send them.
    const email = 'locked-out@shop.test';
    for (let i = 1; i <= 10; i++) {
      const response = await fetch(`${baseURL}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: baseURL, 'x-forwarded-for': `192.0.2.${i}` },
        body: JSON.stringify({ email, password: `guess-${i}` }),
      });
      expect(response.status).toBe(401);
    }
    const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': '192.0.2.200' } });
    const visitor = await context.newPage();
    visitor.setDefaultTimeout(20_000);
    await visitor.goto(`${baseURL}/sign-in`);
    await waitForHydration(visitor.locator('form'));
    await visitor.getByLabel('Email').fill(email);
    await visitor.getByLabel('Password').fill('one-more-guess');
    await visitor.getByRole('button', { name: 'Sign in' }).click();
    const message = /^Too many failed attempts for this email\. Try again in 15 minutes \(at \d{1,2}:\d\d[^)]*\)\.$/;
    await poll(() => visitor.getByRole('alert').filter({ hasText: message }).isVisible()).toBe(true);
    expect(new URL(visitor.url()).pathname).toBe('/sign-in');
    await context.close();
  });
});

describe('customer list', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(20_000);
    await signIn(page, baseURL, OWNER);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('lands on the list after sign-in and shows the fixture customers', async () => {
    expect(new URL(page.url()).pathname).toBe('/dashboard/customers');
    await poll(tableNames).toEqual(expect.arrayContaining(['Margaret Hamilton', 'Katherine Johnson']));
    await poll(() => page.getByRole('button', { name: /^Account: Shop Owner, Owner/ }).isVisible()).toBe(true);
  });

  it('narrows to Margaret Hamilton for part of her email, and puts the search in the URL', async () => {
    const search = page.getByRole('searchbox', { name: 'Search customers' });
    await waitForHydration(search);
    await search.fill('apollo.exam');
    await poll(() => new URL(page.url()).searchParams.get('q')).toBe('apollo.exam');
    await poll(tableNames).toEqual(['Margaret Hamilton']);
  });

  it('sorts by name when the header is clicked, and reverses on the second click', async () => {
    await page.getByRole('button', { name: 'Clear search' }).click();
    await poll(() => new URL(page.url()).searchParams.get('q')).toBeNull();
    await poll(async () => (await tableNames()).length).toBeGreaterThan(1);

    const nameHeader = page.getByRole('columnheader', { name: 'Name' });
    await nameHeader.getByRole('button').click();
    await poll(() => nameHeader.getAttribute('aria-sort')).toBe('ascending');
    await poll(() => new URL(page.url()).searchParams.get('sort')).toBe('name:asc');
    await poll(async () => (await page.locator('[aria-busy="true"]').count()) === 0).toBe(true);
    const ascending = await tableNames();
    expect(ascending).toEqual(expect.arrayContaining(['Margaret Hamilton', 'Katherine Johnson']));

    await nameHeader.getByRole('button').click();
    await poll(() => nameHeader.getAttribute('aria-sort')).toBe('descending');
    await poll(tableNames).toEqual([...ascending].reverse());
  });

  it('fits the table inside the page at 1440 px, the last column included', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await poll(async () => (await tableNames()).length).toBeGreaterThan(1);
    const widths = await page.locator('table').evaluate((table) => ({ table: table.scrollWidth, box: table.parentElement!.clientWidth }));
    expect(widths.table).toBeLessThanOrEqual(widths.box);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('wraps a long search inside the "No customers match" card', async () => {
    const query = 'x'.repeat(150);
    await page.goto(`${baseURL}/dashboard/customers?q=${query}`);
    const title = page.getByRole('heading', { name: /^No customers match/ });
    await title.waitFor();
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 844 });
      expect(await title.evaluate((heading) => heading.scrollWidth <= heading.clientWidth && heading.getBoundingClientRect().right <= window.innerWidth)).toBe(true);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it("answers 404 with the app's own pages for a missing customer or order and for an address the app does not have", async () => {
    for (const path of ['/dashboard/orders/00000000-0000-4000-8000-000000000000', '/dashboard/orders/not-an-id']) {
      expect((await page.goto(`${baseURL}${path}`))?.status(), path).toBe(404);
      await page.getByRole('heading', { name: 'Order not found' }).waitFor();
    }
    for (const path of ['/dashboard/customers/00000000-0000-4000-8000-000000000000', '/dashboard/customers/not-an-id']) {
      expect((await page.goto(`${baseURL}${path}`))?.status(), path).toBe(404);
      await page.getByRole('heading', { name: 'Customer not found' }).waitFor();
      // Nothing suggests a merge for a customer that was never merged.
      expect(await page.getByText(/merged/i).count()).toBe(0);
    }
    expect((await page.goto(`${baseURL}/dashboard/no-such-page`))?.status()).toBe(404);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await page.getByRole('link', { name: 'Go to the dashboard' }).waitFor();
    await page.goto(`${baseURL}/dashboard/customers`);
  });

  it('collapses the navigation into a keyboard-operable menu at phone width', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const menuButton = page.getByRole('button', { name: 'Open menu' });
    await waitForHydration(menuButton);
    await menuButton.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Menu' });
    await poll(() => dialog.getByRole('link', { name: 'Customers', exact: true }).isVisible()).toBe(true);
    await poll(() => dialog.getByRole('link', { name: 'API keys' }).isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await poll(() => dialog.count()).toBe(0);
    await poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Open menu');
  });
});
