import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, with no background network (this machine has none). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function signIn(page: Page, baseURL: string, credentials: { email: string; password: string }): Promise<void> {
  // Sign-in allows 5 attempts a minute per client address, and the suite's files together sign in more often
  // than that from this one machine: each signed-in page gets its own (private, random) address.
  const octet = () => 1 + Math.floor(Math.random() * 254);
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': `10.${octet()}.${octet()}.${octet()}` });
  await page.goto(`${baseURL}/sign-in`);
  await page.getByLabel('Email').fill(credentials.email);
  await page.getByLabel('Password').fill(credentials.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/dashboard/**');
}

/**
 * React has attached its handlers (before that a click may do nothing, or be undone when the page hydrates), then
 * the click. For links and buttons clicked right after a page opens, while it may still be streaming.
 */
export async function clickHydrated(element: Locator): Promise<void> {
  await element.waitFor();
  const deadline = Date.now() + 15_000;
  while (!(await element.evaluate((el) => Object.keys(el).some((key) => key.startsWith('__reactProps'))))) {
    if (Date.now() > deadline) throw new Error('The page did not hydrate within 15 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await element.click();
}

/**
 * Follows a link of a page that may still be streaming, and waits until the URL matches. On the customers list under
 * a loaded machine, a click on a toolbar link sometimes led nowhere even after hydration (the journeys from it timed
 * out after 20 s in CI, on either database, while the page went on working): the click is tried again, as a person
 * would click again, and a link that never navigates still fails.
 */
export async function followLink(page: Page, link: Locator, url: string | RegExp): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await clickHydrated(link);
    try {
      await page.waitForURL(url, { timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt >= 4) throw error;
    }
  }
}
