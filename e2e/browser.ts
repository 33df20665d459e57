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
 * Whether a click on the element reaches React: react-dom's own rule (getNearestMountedFiber, used when it dispatches
 * an event). While React hydrates a streamed part of the page it renders that part's elements (they get `__reactProps`
 * then) before it commits them, and a click in between is dropped without a trace, not replayed: the journeys that
 * waited only for `__reactProps` sometimes clicked into nothing on a loaded machine. An element is live once no fiber
 * between it and the root is still being placed or hydrated (Placement | Hydrating = 4098 in react-dom 19).
 */
function isLive(element: Element): boolean {
  type Fiber = { alternate: Fiber | null; return: Fiber | null; flags: number; tag: number };
  const key = Object.keys(element).find((name) => name.startsWith('__reactFiber$'));
  if (!key) return false;
  const fiber = (element as unknown as Record<string, Fiber>)[key];
  let nearestMounted: Fiber | null = fiber;
  let node = fiber;
  for (let next: Fiber | null = fiber; next && !next.alternate; next = node.return) {
    node = next;
    if ((node.flags & 4098) !== 0) nearestMounted = node.return;
  }
  while (node.return) node = node.return;
  const HOST_ROOT = 3;
  return node.tag === HOST_ROOT && nearestMounted === fiber;
}

/** Waits until React has hydrated and committed the element, so that a click on it does what it says. */
export async function waitForHydration(element: Locator): Promise<void> {
  await element.waitFor();
  const deadline = Date.now() + 15_000;
  while (!(await element.evaluate(isLive))) {
    if (Date.now() > deadline) throw new Error('The page did not hydrate within 15 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** For links and buttons clicked right after a page opens, while it may still be streaming. */
export async function clickHydrated(element: Locator): Promise<void> {
  await waitForHydration(element);
  await element.click();
}
