export const DEFAULT_AFTER_SIGN_IN = '/dashboard/customers';

/**
 * The `next` parameter if it is a path on this site, else the dashboard. Refuses absolute URLs,
 * protocol-relative `//host` and `/\host` (browsers treat both as another origin), and anything
 * outside the dashboard, so sign-in cannot be used as an open redirect.
 */
export function safeNextPath(next: string | string[] | undefined): string {
  const value = Array.isArray(next) ? next[0] : next;
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return DEFAULT_AFTER_SIGN_IN;
  // Resolve against a dummy origin: if the result leaves it, the value was not a plain path.
  const url = new URL(value, 'http://same.invalid');
  if (url.origin !== 'http://same.invalid') return DEFAULT_AFTER_SIGN_IN;
  if (url.pathname !== '/dashboard' && !url.pathname.startsWith('/dashboard/')) return DEFAULT_AFTER_SIGN_IN;
  return url.pathname + url.search + url.hash;
}
