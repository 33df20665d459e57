import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { clickHydrated, launchBrowser, signIn } from './browser';
import { OWNER, STAFF } from './fixtures';
import { appPageRoutes } from './page-routes';
import { adminApi, clientAddress, outboxFiles, placeOrder, signUpStoreCustomerOverHttp, STORE_PASSWORD, uniqueEmail, waitForMail } from './store-fixtures';

// Every page of the app, signed out, as staff and as a shopper, through axe-core (WCAG 2.1 A and AA rules): a serious
// or critical violation fails the page's test with the rule, its help and the first elements it found. The table below
// is the list of pages; a `page.tsx` that is in neither the table nor NOT_VISITED fails the first test, so a new page
// cannot go unchecked. To add a page: one row with its route (as in src/app, route groups left out), a name, and how
// to open it (a path, or steps for pages behind a mailed link or a click).
const baseURL = inject('baseURL');
const apiKey = inject('apiKey');
const outboxDir = inject('outboxDir');

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);
/** A folder to save a screenshot of every page checked into, to look at what axe saw. */
const SCREENSHOT_DIR = process.env.AXE_SCREENSHOT_DIR;
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Pages the suite cannot open, each with the reason. Empty now: every token page is opened with a minted link. */
const NOT_VISITED: Record<string, string> = {};

/** The ids the dashboard's and the store's detail pages need; found or made through the REST API before the tests. */
const ids = { customer: '', order: '', discount: '', campaign: '', staff: '', storeOrder: '', webhook: '' };

interface Visit {
  /** The `page.tsx` route this covers, as src/app names it without route groups: `/dashboard/customers/[id]`. */
  route: string;
  /** What a failing test names. */
  name: string;
  /** The path to open (a function for detail pages, whose ids are known only once the tests start)... */
  path?: string | (() => string);
  /** ...or the steps that open the page: a mailed link, a click. */
  steps?: (page: Page) => Promise<void>;
  /** Text that shows once the page is there (a heading by default is not assumed: pages differ). */
  ready?: string | RegExp;
  /** The main pages are also checked at 390×844; 'only' for what exists on a phone alone (the menu sheet). */
  phone?: boolean | 'only';
}

// ── The pages ────────────────────────────────────────────────────────────────────────────────────────────────────

const DASHBOARD: Visit[] = [
  { route: '/', name: 'home (redirects to the customers list)', path: '/' },
  { route: '/dashboard', name: 'overview', path: '/dashboard', phone: true },
  { route: '/dashboard/customers', name: 'customers list', path: '/dashboard/customers', ready: 'Margaret', phone: true },
  {
    route: '/dashboard/customers',
    name: 'customers list with the filters open',
    steps: async (page) => {
      await page.goto(`${baseURL}/dashboard/customers`);
      await clickHydrated(page.getByRole('button', { name: /^Filters/ }));
      await page.getByRole('region', { name: 'Filters' }).waitFor();
    },
    phone: true,
  },
  { route: '/dashboard/customers', name: 'customers list with no match', path: '/dashboard/customers?q=nobody-has-this-name', phone: false },
  { route: '/dashboard/customers/[id]', name: "a customer's page", path: () => `/dashboard/customers/${ids.customer}`, ready: 'Margaret', phone: true },
  { route: '/dashboard/customers/[id]/edit', name: 'edit a customer', path: () => `/dashboard/customers/${ids.customer}/edit` },
  { route: '/dashboard/customers/new', name: 'new customer', path: '/dashboard/customers/new', phone: true },
  { route: '/dashboard/customers/import', name: 'import customers', path: '/dashboard/customers/import' },
  { route: '/dashboard/customers/duplicates', name: 'likely duplicates', path: '/dashboard/customers/duplicates' },
  { route: '/dashboard/customers/suggestions', name: 'group suggestions', path: '/dashboard/customers/suggestions' },
  { route: '/dashboard/orders', name: 'orders list', path: '/dashboard/orders', phone: true },
  { route: '/dashboard/orders/[id]', name: 'an order', path: () => `/dashboard/orders/${ids.order}`, phone: true },
  { route: '/dashboard/orders/new', name: 'new order', path: '/dashboard/orders/new' },
  { route: '/dashboard/groups', name: 'groups', path: '/dashboard/groups' },
  { route: '/dashboard/discounts', name: 'discounts list', path: '/dashboard/discounts' },
  { route: '/dashboard/discounts/new', name: 'new discount', path: '/dashboard/discounts/new' },
  { route: '/dashboard/discounts/[id]', name: 'a discount', path: () => `/dashboard/discounts/${ids.discount}` },
  { route: '/dashboard/discounts/[id]/edit', name: 'edit a discount', path: () => `/dashboard/discounts/${ids.discount}/edit` },
  { route: '/dashboard/campaigns', name: 'campaigns list', path: '/dashboard/campaigns' },
  { route: '/dashboard/campaigns/new', name: 'new campaign', path: '/dashboard/campaigns/new' },
  { route: '/dashboard/campaigns/[id]', name: 'a campaign', path: () => `/dashboard/campaigns/${ids.campaign}` },
  { route: '/dashboard/campaigns/[id]/edit', name: 'edit a campaign', path: () => `/dashboard/campaigns/${ids.campaign}/edit` },
  { route: '/dashboard/staff', name: 'staff performance', path: '/dashboard/staff' },
  { route: '/dashboard/staff/[id]', name: "a staff member's page", path: () => `/dashboard/staff/${ids.staff}` },
  { route: '/dashboard/settings', name: 'settings', path: '/dashboard/settings' },
  { route: '/dashboard/settings/team', name: 'settings: team', path: '/dashboard/settings/team' },
  { route: '/dashboard/settings/api-keys', name: 'settings: API keys', path: '/dashboard/settings/api-keys' },
  { route: '/dashboard/settings/webhooks', name: 'settings: webhooks', path: '/dashboard/settings/webhooks', phone: true },
  { route: '/dashboard/settings/webhooks/[id]', name: "a webhook endpoint's delivery log", path: () => `/dashboard/settings/webhooks/${ids.webhook}`, phone: true },
  {
    route: '/dashboard/settings/webhooks/[id]',
    name: "a webhook endpoint's edit form open",
    steps: async (page) => {
      await page.goto(`${baseURL}/dashboard/settings/webhooks/${ids.webhook}`);
      await page.getByText('Edit URL, description and events').click();
      await page.getByRole('button', { name: 'Save changes' }).waitFor();
    },
  },
  { route: '/dashboard/settings/metrics', name: 'settings: metrics', path: '/dashboard/settings/metrics' },
  { route: '/dashboard/settings/classification', name: 'settings: classifier', path: '/dashboard/settings/classification' },
  { route: '/dashboard/account', name: 'your account', path: '/dashboard/account', phone: true },
  // States of those pages: menus, dialogs, selections and form errors, where most markup of its own appears.
  { route: '/dashboard', name: 'navigation menu open', steps: opens('/dashboard', 'Open menu', 'dialog'), phone: 'only' },
  { route: '/dashboard/customers', name: 'account menu open', steps: opens('/dashboard/customers', /^Account: /, 'menu') },
  { route: '/dashboard/customers', name: 'export menu open', steps: opens('/dashboard/customers', 'Export', 'menu') },
  {
    route: '/dashboard/customers',
    name: 'customers list narrowed by the new filters, with its count and page size',
    path: '/dashboard/customers?emailConsent=yes&minOrders=1&country=GB&limit=25',
    ready: /^(about |more than )?[\d,]+ customers?$/,
    phone: true,
  },
  { route: '/dashboard/customers', name: 'save view dialog', steps: opens('/dashboard/customers?sort=totalSpend:desc', 'Save view…', 'dialog'), phone: true },
  { route: '/dashboard/orders', name: 'orders list sorted by total', path: '/dashboard/orders?sort=total:desc&limit=50' },
  {
    route: '/dashboard/customers',
    name: 'customers list with a row selected (bulk actions)',
    steps: async (page) => {
      await page.goto(`${baseURL}/dashboard/customers`);
      // The table's checkbox on a wide screen, the stacked list's on a phone: the visible one.
      await clickHydrated(page.getByRole('checkbox', { name: 'Select Margaret Hamilton' }).locator('visible=true'));
      await page.getByRole('button', { name: 'Move to group…' }).waitFor();
    },
    phone: true,
  },
  {
    route: '/dashboard/customers',
    name: 'bulk tags dialog',
    steps: async (page) => {
      await page.goto(`${baseURL}/dashboard/customers`);
      await clickHydrated(page.getByRole('checkbox', { name: 'Select Margaret Hamilton' }).locator('visible=true'));
      await page.getByRole('button', { name: 'Tags…' }).click();
      await page.getByRole('dialog').waitFor();
    },
    phone: true,
  },
  {
    route: '/dashboard/customers',
    name: 'bulk delete confirmation',
    steps: async (page) => {
      await page.goto(`${baseURL}/dashboard/customers`);
      await clickHydrated(page.getByRole('checkbox', { name: 'Select Margaret Hamilton' }).locator('visible=true'));
      await page.getByRole('button', { name: 'Delete…' }).click();
      await page.getByRole('alertdialog').waitFor();
    },
  },
  { route: '/dashboard/customers/new', name: 'new customer sent empty (field errors)', steps: opens('/dashboard/customers/new', 'Create customer', 'invalid'), phone: true },
  { route: '/dashboard/customers/[id]', name: "a customer's page: add address dialog", steps: opens(() => `/dashboard/customers/${ids.customer}`, 'Add address', 'dialog') },
  { route: '/dashboard/customers/[id]', name: "a customer's page: delete confirmation", steps: opens(() => `/dashboard/customers/${ids.customer}`, 'Delete', 'alertdialog') },
  { route: '/dashboard/orders/[id]', name: 'an order: refund dialog', steps: opens(() => `/dashboard/orders/${ids.storeOrder}`, 'Refund', 'alertdialog'), phone: true },
  { route: '/dashboard/groups', name: 'groups: new group dialog', steps: opens('/dashboard/groups', 'New group', 'dialog') },
  { route: '/dashboard/campaigns/[id]', name: 'a campaign: send test dialog', steps: opens(() => `/dashboard/campaigns/${ids.campaign}`, 'Send test…', 'dialog') },
  { route: '/dashboard/campaigns/[id]', name: 'a campaign: schedule dialog', steps: opens(() => `/dashboard/campaigns/${ids.campaign}`, 'Schedule…', 'dialog') },
];

const SIGNED_OUT: Visit[] = [
  { route: '/sign-in', name: 'staff sign-in', path: '/sign-in', phone: true },
  {
    route: '/sign-in',
    name: 'staff sign-in with a wrong password',
    steps: async (page) => {
      await page.goto(`${baseURL}/sign-in`);
      await page.getByLabel('Email').fill(STAFF.email);
      await page.getByLabel('Password').fill('not-the-password');
      await clickWhenEnabled(page, 'Sign in');
      await page.getByRole('alert').filter({ hasText: /./ }).first().waitFor();
    },
  },
  { route: '/forgot-password', name: 'staff forgot password', path: '/forgot-password' },
  {
    route: '/reset-password',
    name: 'staff reset password (mailed link)',
    steps: async (page) => {
      await page.goto(`${baseURL}/forgot-password`);
      await page.getByLabel('Email').fill(STAFF.email);
      const before = outboxFiles(outboxDir);
      await clickWhenEnabled(page, 'Send me a link');
      const mail = await waitForMail(outboxDir, { to: STAFF.email, subject: /password/i, before });
      await openMailedLink(page, mail.link);
    },
    ready: 'Choose a new password',
  },
  { route: '/reset-password', name: 'staff reset password, used link', path: '/reset-password?token=not-a-token', ready: 'This link does not work' },
  {
    route: '/invitation',
    name: 'staff invitation (mailed link)',
    steps: async (page) => {
      const email = uniqueEmail('invitee').replace('@store.', '@team.');
      await ownerDesktop.goto(`${baseURL}/dashboard/settings/team`);
      await ownerDesktop.getByLabel('Email').fill(email);
      const before = outboxFiles(outboxDir);
      await clickWhenEnabled(ownerDesktop, 'Send invitation');
      const mail = await waitForMail(outboxDir, { to: email, subject: /invited/i, before });
      await openMailedLink(page, mail.link);
    },
    ready: /^Join /,
  },
  { route: '/store', name: 'store front', path: '/store', phone: true },
  { route: '/store/sign-in', name: 'store sign-in', path: '/store/sign-in', phone: true },
  { route: '/store/sign-up', name: 'store sign-up', path: '/store/sign-up', phone: true },
  {
    route: '/store/sign-up',
    name: 'store sign-up, check your email',
    steps: async (page) => {
      await storeSignUp(page, uniqueEmail('axe.signup'));
    },
  },
  { route: '/store/forgot-password', name: 'store forgot password', path: '/store/forgot-password' },
  {
    route: '/store/reset-password',
    name: 'store reset password (mailed link)',
    steps: async (page) => {
      await page.goto(`${baseURL}/store/forgot-password`);
      await page.getByLabel('Email').fill(shopper.email);
      const before = outboxFiles(outboxDir);
      await clickWhenEnabled(page, 'Send me a link');
      await page.getByRole('heading', { name: 'Check your email' }).waitFor();
      const mail = await waitForMail(outboxDir, { to: shopper.email, subject: /reset your .* password/i, before });
      await openMailedLink(page, mail.link);
    },
    ready: 'Choose a new password',
    phone: true,
  },
  { route: '/store/reset-password', name: 'store reset password, used link', path: '/store/reset-password?error=INVALID_TOKEN', ready: 'This link does not work' },
  {
    route: '/store/verify-email',
    name: 'store confirm email (mailed link)',
    steps: async (page) => {
      const email = uniqueEmail('axe.confirm');
      const before = outboxFiles(outboxDir);
      await storeSignUp(page, email);
      const mail = await waitForMail(outboxDir, { to: email, subject: /confirm your email/i, before });
      await openMailedLink(page, mail.link);
    },
    ready: 'Choose your password',
    phone: true,
  },
  { route: '/store/verify-email', name: 'store confirm email, used link', path: '/store/verify-email?token=not-a-token', ready: 'This link does not work' },
  { route: '/_not-found', name: 'page not found', path: '/no-such-page', ready: 'Page not found', phone: true },
];

const STORE_ACCOUNT: Visit[] = [
  { route: '/store/account', name: 'store account', path: '/store/account', phone: true },
  { route: '/store/account/orders', name: 'store orders', path: '/store/account/orders', phone: true },
  { route: '/store/account/orders/[id]', name: 'a store order', path: () => `/store/account/orders/${ids.storeOrder}`, phone: true },
  { route: '/store/account/addresses', name: 'store addresses', path: '/store/account/addresses', phone: true },
  { route: '/store/account/profile', name: 'store profile and data', path: '/store/account/profile', phone: true },
  { route: '/store/account/addresses', name: 'store addresses: add address dialog', steps: opens('/store/account/addresses', 'Add address', 'dialog'), phone: true },
];

// ── Checking one page ────────────────────────────────────────────────────────────────────────────────────────────

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  count: number;
  targets: string[];
  summary: string;
}

/** Waits until the page has stopped fetching and animating: axe reads colours as painted. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.evaluate(async () => {
    await document.fonts.ready;
    const finite = document.getAnimations().filter((animation) => animation.effect?.getComputedTiming().iterations !== Infinity);
    await Promise.all(finite.map((animation) => animation.finished.catch(() => undefined)));
  });
}

async function axeViolations(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async (tags) => {
    const { axe } = window as unknown as { axe: typeof import('axe-core') };
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      count: violation.nodes.length,
      targets: violation.nodes.slice(0, 4).map((node) => node.target.join(' ')),
      summary: violation.nodes[0]?.failureSummary?.split('\n').slice(0, 3).join(' ') ?? '',
    }));
  }, WCAG_TAGS);
}

function describeViolations(visit: Visit, size: string, violations: Violation[]): string {
  const lines = violations.map((v) => `  [${v.impact}] ${v.id}: ${v.help} (${v.count} element${v.count === 1 ? '' : 's'})\n      ${v.targets.join('\n      ')}\n      ${v.summary}`);
  return `${visit.name} (${visit.route}) at ${size}:\n${lines.join('\n')}`;
}

async function check(page: Page, visit: Visit, size: string): Promise<void> {
  if (visit.path !== undefined) {
    const address = typeof visit.path === 'string' ? visit.path : visit.path();
    const response = await page.goto(`${baseURL}${address}`);
    // The 404 page is the one expected to answer 404.
    if (visit.route !== '/_not-found') expect(response?.status(), `${visit.name}: ${address}`).toBeLessThan(400);
  } else {
    await visit.steps!(page);
  }
  if (visit.ready) await page.getByText(visit.ready).locator('visible=true').first().waitFor();
  await settle(page);
  if (SCREENSHOT_DIR) await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${visit.name.replace(/\W+/g, '-')}-${size}.png`), fullPage: true });
  const blocking = (await axeViolations(page)).filter((violation) => BLOCKING_IMPACTS.has(violation.impact ?? ''));
  expect(blocking, describeViolations(visit, size, blocking)).toEqual([]);
}

/** Steps that open `path`, press the button named `button`, and wait for what it shows: a dialog, a menu, field errors. */
function opens(path: string | (() => string), button: string | RegExp, shows: 'dialog' | 'alertdialog' | 'menu' | 'invalid'): (page: Page) => Promise<void> {
  return async (page) => {
    await page.goto(`${baseURL}${typeof path === 'string' ? path : path()}`);
    await clickHydrated(page.getByRole('button', { name: button, exact: typeof button === 'string' }).first());
    if (shows === 'invalid') await page.locator('[aria-invalid="true"]').first().waitFor();
    else await page.getByRole(shows).first().waitFor();
  };
}

// ── Helpers for the pages behind a link ──────────────────────────────────────────────────────────────────────────

/** Clicks once the form has hydrated (its buttons are disabled until then); a loop, as it also runs in a beforeAll. */
async function clickWhenEnabled(page: Page, name: string): Promise<void> {
  const button = page.getByRole('button', { name, exact: true });
  await button.waitFor();
  const deadline = Date.now() + 15_000;
  while (!(await button.isEnabled())) {
    if (Date.now() > deadline) throw new Error(`The button "${name}" stayed disabled`);
    await page.waitForTimeout(100);
  }
  await button.click();
}

/** The server names itself in mailed links (maybe by another host name): the same path on the address under test. */
async function openMailedLink(page: Page, link: string | null): Promise<void> {
  expect(link).toBeTruthy();
  const url = new URL(link!);
  await page.goto(`${baseURL}${url.pathname}${url.search}`);
}

async function storeSignUp(page: Page, email: string): Promise<void> {
  await page.goto(`${baseURL}/store/sign-up`);
  await page.getByLabel('First name').fill('Axel');
  await page.getByLabel('Email').fill(email);
  await clickWhenEnabled(page, 'Create account');
  await page.getByRole('heading', { name: 'Check your email' }).waitFor();
}

async function signInToStore(page: Page): Promise<void> {
  await page.goto(`${baseURL}/store/sign-in`);
  await page.getByLabel('Email').fill(shopper.email);
  await page.getByLabel('Password', { exact: true }).fill(STORE_PASSWORD);
  await clickWhenEnabled(page, 'Sign in');
  await page.waitForURL('**/store/account');
}

// ── The sessions ─────────────────────────────────────────────────────────────────────────────────────────────────

const shopper = { email: uniqueEmail('axe.shopper'), firstName: 'Ada', lastName: 'Access' };
let browser: Browser;
let ownerDesktop: Page;
const contexts: BrowserContext[] = [];

async function newPage(viewport: typeof DESKTOP): Promise<Page> {
  const context = await browser.newContext({ viewport, ...(viewport === PHONE ? { isMobile: true, hasTouch: true } : {}) });
  await context.setExtraHTTPHeaders({ 'x-forwarded-for': clientAddress() });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return page;
}

/** The first record of a REST list, or the one made by `create` when the list is empty. */
async function firstId(route: string): Promise<string> {
  const response = await adminApi(baseURL, apiKey)(route);
  expect(response.status, route).toBe(200);
  const { data } = (await response.json()) as { data: { id: string }[] };
  expect(data.length, `${route} has no record`).toBeGreaterThan(0);
  return data[0].id;
}

beforeAll(async () => {
  browser = await launchBrowser();
  const api = adminApi(baseURL, apiKey);
  ids.customer = await firstId('/customers?q=margaret.hamilton');
  ids.order = await firstId('/orders?limit=1');
  ids.staff = await firstId('/staff');
  const run = Date.now().toString(36).toUpperCase();
  const discount = await api('/discounts', { method: 'POST', body: JSON.stringify({ code: `AXE${run}`, kind: 'percentage', value: 10 }) });
  expect(discount.status, await discount.clone().text()).toBe(201);
  ids.discount = ((await discount.json()) as { id: string }).id;
  const groupId = await firstId('/customer-groups');
  const campaign = await api('/campaigns', {
    method: 'POST',
    body: JSON.stringify({ name: `Axe ${run}`, channel: 'email', subject: 'Hello {{firstName}}', body: 'Hello {{firstName}}', customerGroupIds: [groupId] }),
  });
  expect(campaign.status, await campaign.clone().text()).toBe(201);
  ids.campaign = ((await campaign.json()) as { id: string }).id;
  // The browser suite's server accepts local webhook URLs (WEBHOOKS_ALLOW_PRIVATE): nothing listens on this port.
  const webhook = await api('/webhooks', { method: 'POST', body: JSON.stringify({ url: 'http://127.0.0.1:9/axe-hooks', events: ['customer.created'], description: 'Axe' }) });
  expect(webhook.status, await webhook.clone().text()).toBe(201);
  ids.webhook = ((await webhook.json()) as { id: string }).id;

  const customer = await signUpStoreCustomerOverHttp(baseURL, outboxDir, shopper);
  const order = await placeOrder(baseURL, apiKey, { customerId: customer.customerId, items: [{ sku: 'AXE-1', name: 'Contrast checker', quantity: 2, unitPrice: 1500 }] });
  ids.storeOrder = order.id;
  await api(`/customers/${customer.customerId}/addresses`, {
    method: 'POST',
    body: JSON.stringify({ line1: '1 Contrast Road', city: 'Leeds', postalCode: 'LS1 4AP', country: 'GB' }),
  });

  ownerDesktop = await newPage(DESKTOP);
  await signIn(ownerDesktop, baseURL, OWNER);
}, 120_000);

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
});

// ── The tests ────────────────────────────────────────────────────────────────────────────────────────────────────

describe('every page is in the accessibility check', () => {
  it('lists every page.tsx route of src/app in the table (or says why it cannot be opened)', () => {
    const visited = new Set([...DASHBOARD, ...SIGNED_OUT, ...STORE_ACCOUNT].map((visit) => visit.route));
    const missing = appPageRoutes().filter((route) => !visited.has(route) && !(route in NOT_VISITED));
    expect(missing, 'pages that e2e/accessibility.spec.ts does not visit: add a row for each').toEqual([]);
    expect(visited.has('/_not-found')).toBe(true);
  });
});

const named = (visits: Visit[]) => visits.map((visit) => [visit.name, visit] as const);

for (const [size, viewport] of [
  ['1440×900', DESKTOP],
  ['390×844', PHONE],
] as const) {
  const only = (visits: Visit[]) => named(viewport === DESKTOP ? visits.filter((visit) => visit.phone !== 'only') : visits.filter((visit) => visit.phone));

  describe(`dashboard pages at ${size} have no serious or critical axe violation`, () => {
    let page: Page;
    beforeAll(async () => {
      page = viewport === DESKTOP ? ownerDesktop : await newPage(viewport);
      if (viewport !== DESKTOP) await signIn(page, baseURL, OWNER);
    });
    it.each(only(DASHBOARD))('%s', async (_name, visit) => check(page, visit, size));
  });

  describe(`signed-out pages at ${size} have no serious or critical axe violation`, () => {
    let page: Page;
    beforeAll(async () => {
      page = await newPage(viewport);
    });
    it.each(only(SIGNED_OUT))('%s', async (_name, visit) => check(page, visit, size));
  });

  describe(`store account pages at ${size} have no serious or critical axe violation`, () => {
    let page: Page;
    beforeAll(async () => {
      page = await newPage(viewport);
      await signInToStore(page);
    });
    it.each(only(STORE_ACCOUNT))('%s', async (_name, visit) => check(page, visit, size));
  });
}
