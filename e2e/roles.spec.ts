import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { launchBrowser, signIn } from './browser';
import { STAFF } from './fixtures';

// What a member of the staff role meets on a page only owners and admins may use, and the tab icon.
const baseURL = inject('baseURL');

let browser: Browser;
let page: Page;
const failedResponses: string[] = [];

describe('a staff member (not an admin)', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    // Another client address: sign-in allows 5 attempts a minute per address, and the other spec files sign in from
    // 127.0.0.1 within the same minute.
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, extraHTTPHeaders: { 'x-forwarded-for': '203.0.113.7' } });
    page.setDefaultTimeout(20_000);
    page.on('response', (response) => {
      if (response.status() === 404) failedResponses.push(new URL(response.url()).pathname);
    });
    await signIn(page, baseURL, STAFF);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('is refused the API keys settings with HTTP 403 and a page that says why', async () => {
    for (const path of ['/dashboard/settings/api-keys', '/dashboard/settings']) {
      const response = await page.goto(`${baseURL}${path}`);
      expect(response?.status()).toBe(403);
      await expect.poll(() => page.getByRole('heading', { name: "You don't have access to this page" }).isVisible()).toBe(true);
      expect(await page.getByText('Your role (staff) cannot use it').isVisible()).toBe(true);
    }
  });

  it('still gets 200 on the pages every role may use', async () => {
    expect((await page.goto(`${baseURL}/dashboard/customers`))?.status()).toBe(200);
    expect((await page.goto(`${baseURL}/dashboard/customers/new`))?.status()).toBe(200);
  });

  it('gets the app icon for the tab, and no 404 for it or anything else', async () => {
    const href = await page.locator('link[rel="icon"]').first().getAttribute('href');
    expect(href).toMatch(/^\/icon\.svg/);
    const icon = await fetch(new URL(href!, baseURL));
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toContain('image/svg+xml');
    expect(failedResponses).toEqual([]);
  });
});
