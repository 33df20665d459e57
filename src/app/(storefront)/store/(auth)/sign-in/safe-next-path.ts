export const DEFAULT_AFTER_STORE_SIGN_IN = '/store/account';

// Pages that make no sense to return to after signing in (and could loop).
const AUTH_PAGES = ['/store/sign-in', '/store/sign-up', '/store/forgot-password', '/store/reset-password', '/store/verify-email'];

/**
 * The `next` parameter if it is a storefront path on this site, else the account page. Refuses absolute URLs,
 * protocol-relative `//host` and `/\host` (browsers treat both as another origin), anything outside /store and the
 * sign-in pages themselves, so sign-in cannot be used as an open redirect.
 */
export function safeStoreNextPath(next: string | string[] | undefined): string {
  const value = Array.isArray(next) ? next[0] : next;
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return DEFAULT_AFTER_STORE_SIGN_IN;
  // Resolve against a dummy origin: if the result leaves it, the value was not a plain path.
  const url = new URL(value, 'http://same.invalid');
  if (url.origin !== 'http://same.invalid') return DEFAULT_AFTER_STORE_SIGN_IN;
  if (url.pathname !== '/store' && !url.pathname.startsWith('/store/')) return DEFAULT_AFTER_STORE_SIGN_IN;
  if (AUTH_PAGES.some((page) => url.pathname === page || url.pathname.startsWith(`${page}/`))) return DEFAULT_AFTER_STORE_SIGN_IN;
  return url.pathname + url.search + url.hash;
}
