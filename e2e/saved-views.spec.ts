import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { launchBrowser, signIn, waitForHydration } from './browser';
import { OWNER, STAFF } from './fixtures';

// Saved views: the owner filters the customer list and saves it as a tab shared with the team; a staff member opens
// it but cannot change or share it, and keeps a private view of her own that the owner never sees. The orders list
// has its own tabs. Then the owner edits the shared view from its menu: update to current filters, rename, unshare, delete.
const baseURL = inject('baseURL');

let browser: Browser;
let owner: Page;
let staff: Page;

// The server renders the list again after each change; on a busy machine that takes a moment.
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });
const tabs = (page: Page) => page.getByRole('navigation', { name: 'Saved views' });
const currentTab = (page: Page) => tabs(page).locator('[aria-current="page"]');

async function openList(page: Page, path: string): Promise<void> {
  await page.goto(`${baseURL}${path}`);
  await tabs(page).waitFor();
  await waitForHydration(page.locator('nav[aria-label="Saved views"] a').first());
}

async function saveView(page: Page, name: string, { share }: { share?: boolean } = {}): Promise<void> {
  await page.getByRole('button', { name: 'Save view…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save view' });
  await dialog.getByLabel('Name').fill(name);
  if (share) await dialog.getByLabel('Share with the team').check();
  await dialog.getByRole('button', { name: 'Save view' }).click();
}

describe('saved views', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    owner = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    staff = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    for (const page of [owner, staff]) page.setDefaultTimeout(20_000);
    await signIn(owner, baseURL, OWNER);
    await signIn(staff, baseURL, STAFF);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('starts with the whole list as the only, current tab, and says to filter before saving', async () => {
    await openList(owner, '/dashboard/customers');
    expect(await currentTab(owner).textContent()).toBe('All customers');
    await owner.getByRole('button', { name: 'Save view…' }).click();
    await owner.getByText('Filter, search or sort the list first').waitFor();
    await owner.getByRole('dialog', { name: 'Save view' }).getByRole('button', { name: 'OK' }).click();
    await owner.getByRole('dialog').waitFor({ state: 'detached' });
  });

  it('lets the owner filter the customer list and save it shared, which becomes the current tab', async () => {
    await owner.getByRole('searchbox', { name: 'Search customers' }).fill('apollo.example');
    await owner.waitForURL(/q=apollo\.example/);
    await poll(() => currentTab(owner).count()).toBe(0);
    await saveView(owner, 'VIP London', { share: true });
    await poll(() => currentTab(owner).textContent()).toBe('VIP London(shared with the team)');
    expect(await owner.getByRole('button', { name: 'Save view…' }).count()).toBe(0);
    expect(await owner.getByRole('link', { name: 'All customers' }).getAttribute('aria-current')).toBeNull();
  });

  it('refuses a second view of the same name, saying so on the name field', async () => {
    await openList(owner, '/dashboard/customers?q=nasa.example');
    await saveView(owner, 'vip london');
    const dialog = owner.getByRole('dialog', { name: 'Save view' });
    await dialog.getByText('There is already a view with this name').waitFor();
    expect(await dialog.getByLabel('Name').getAttribute('aria-invalid')).toBe('true');
    await owner.keyboard.press('Escape');
  });

  it('shows the shared view to a staff member, who opens it but can neither change nor share it', async () => {
    await openList(staff, '/dashboard/customers');
    await tabs(staff).getByRole('link', { name: /VIP London/ }).click();
    await staff.waitForURL(/q=apollo\.example/);
    await poll(() => currentTab(staff).textContent()).toContain('VIP London');
    await staff.getByRole('table').getByText('Margaret Hamilton').waitFor();
    expect(await staff.getByRole('button', { name: /Options for the view/ }).count()).toBe(0);
  });

  it('keeps a staff member’s own view private: no sharing offered, and the owner does not see it', async () => {
    await openList(staff, '/dashboard/customers?q=nasa.example');
    await staff.getByRole('button', { name: 'Save view…' }).click();
    const dialog = staff.getByRole('dialog', { name: 'Save view' });
    expect(await dialog.getByLabel('Share with the team').count()).toBe(0);
    await dialog.getByLabel('Name').fill('My NASA people');
    await dialog.getByRole('button', { name: 'Save view' }).click();
    await poll(() => currentTab(staff).textContent()).toBe('My NASA people');
    // Her own view has a menu, without sharing.
    await staff.getByRole('button', { name: 'Options for the view “My NASA people”' }).click();
    await staff.getByRole('menuitem', { name: 'Rename…' }).waitFor();
    expect(await staff.getByRole('menuitem', { name: /Share/ }).count()).toBe(0);
    await staff.keyboard.press('Escape');

    await openList(owner, '/dashboard/customers');
    const names = await tabs(owner).getByRole('link').allTextContents();
    expect(names).toEqual(['All customers', 'VIP London(shared with the team)']);
  });

  it('gives the orders list tabs of its own', async () => {
    await openList(owner, '/dashboard/orders?status=completed');
    expect(await tabs(owner).getByRole('link').allTextContents()).toEqual(['All orders']);
    await saveView(owner, 'Completed');
    await poll(() => currentTab(owner).textContent()).toBe('Completed');
    await openList(owner, '/dashboard/orders');
    expect(await currentTab(owner).textContent()).toBe('All orders');
    await tabs(owner).getByRole('link', { name: 'Completed' }).click();
    await owner.waitForURL(/status=completed/);
    await poll(() => currentTab(owner).textContent()).toBe('Completed');
  });

  it('lets the owner update the shared view to new filters, rename it, unshare it and delete it', async () => {
    await openList(owner, '/dashboard/customers');
    await tabs(owner).getByRole('link', { name: /VIP London/ }).click();
    await owner.waitForURL(/q=apollo\.example/);
    // Changing the filters leaves the view's menu reachable, marked as edited.
    await owner.getByRole('searchbox', { name: 'Search customers' }).fill('langley.example');
    await owner.waitForURL(/q=langley\.example/);
    await tabs(owner).getByText('· edited').waitFor();
    await owner.getByRole('button', { name: 'Options for the view “VIP London”' }).click();
    await owner.getByRole('menuitem', { name: 'Update to current filters' }).click();
    await poll(() => currentTab(owner).textContent()).toContain('VIP London');

    await owner.getByRole('button', { name: 'Options for the view “VIP London”' }).click();
    await owner.getByRole('menuitem', { name: 'Rename…' }).click();
    const rename = owner.getByRole('dialog', { name: 'Rename “VIP London”' });
    await rename.getByLabel('Name').fill('Langley');
    await rename.getByRole('button', { name: 'Rename' }).click();
    await poll(() => currentTab(owner).textContent()).toContain('Langley');

    await owner.getByRole('button', { name: 'Options for the view “Langley”' }).click();
    await owner.getByRole('menuitem', { name: 'Stop sharing' }).click();
    await poll(() => currentTab(owner).textContent()).toBe('Langley');
    await openList(staff, '/dashboard/customers');
    expect(await tabs(staff).getByRole('link').allTextContents()).toEqual(['All customers', 'My NASA people']);

    await owner.getByRole('button', { name: 'Options for the view “Langley”' }).click();
    await owner.getByRole('menuitem', { name: 'Delete…' }).click();
    await owner.getByRole('alertdialog').getByRole('button', { name: 'Delete view' }).click();
    await poll(() => tabs(owner).getByRole('link').allTextContents()).toEqual(['All customers']);
    // The filters stay on screen, ready to be saved again.
    await owner.getByRole('button', { name: 'Save view…' }).waitFor();
  });

  it('scrolls the tabs sideways on a phone without widening the page', async () => {
    await owner.setViewportSize({ width: 390, height: 844 });
    for (const name of ['Spring regulars', 'Lapsed big spenders', 'Wholesale north']) {
      await openList(owner, `/dashboard/customers?q=${encodeURIComponent(name.split(' ')[0])}`);
      await saveView(owner, name);
      await poll(() => currentTab(owner).textContent()).toBe(name);
    }
    const overflow = await owner.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const nav = await tabs(owner).evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(nav.scroll).toBeGreaterThan(nav.client);
  });
});
