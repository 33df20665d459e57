// Which origins may post to the staff auth endpoints (better-auth's CSRF check compares the browser's Origin
// header with these). better-auth itself always adds BETTER_AUTH_URL and BETTER_AUTH_TRUSTED_ORIGINS.

import { configuredPublicUrl } from '@/lib/config';

// A host as it may appear in a Host header: name or IPv4 with an optional port, or a bracketed IPv6.
// Anything else (a `*`, a path, spaces) is refused, because better-auth reads `*` in a trusted origin as a wildcard.
const HOST_PATTERN = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

const LOOPBACK_HOSTNAMES = ['localhost', '127.0.0.1', '[::1]'];

function firstValue(header: string | null): string | undefined {
  return header?.split(',')[0]?.trim() || undefined;
}

/**
 * The origins the request itself was addressed to: its Host, and X-Forwarded-Host when a proxy (or Next.js
 * itself, which fills it in from Host) set one, with X-Forwarded-Proto's scheme. This is the same-origin rule
 * Next.js applies to server actions. It opens no CSRF hole: a page on another site cannot make the browser send
 * a Host or X-Forwarded-Host other than this server's, so its Origin never matches.
 */
export function requestOrigins(request: Request): string[] {
  const url = new URL(request.url);
  const forwardedProto = firstValue(request.headers.get('x-forwarded-proto'));
  const scheme = forwardedProto === 'http' || forwardedProto === 'https' ? forwardedProto : url.protocol.slice(0, -1);
  const hosts = [firstValue(request.headers.get('x-forwarded-host')), request.headers.get('host'), url.host];
  const origins = hosts.filter((host): host is string => !!host && HOST_PATTERN.test(host)).map((host) => `${scheme}://${host.toLowerCase()}`);
  return [...new Set(origins)];
}

/** For a pinned loopback URL (http://localhost:3000), the same server under its other loopback names. */
export function loopbackAliases(pinnedUrl: string): string[] {
  // A malformed BETTER_AUTH_URL is better-auth's to report; here it just adds nothing.
  const url = URL.canParse(pinnedUrl) ? new URL(pinnedUrl) : null;
  if (!url || !LOOPBACK_HOSTNAMES.includes(url.hostname)) return [];
  const port = url.port ? `:${url.port}` : '';
  return LOOPBACK_HOSTNAMES.map((hostname) => `${url.protocol}//${hostname}${port}`);
}

/**
 * Trusted origins for one request. With BETTER_AUTH_URL set the shop's address is pinned: only it, its loopback
 * aliases and BETTER_AUTH_TRUSTED_ORIGINS are trusted, whatever Host a request carries. Without it, the app is
 * trusted at whichever address it was opened (localhost, 127.0.0.1, a LAN name, a proxy's public host).
 */
export function staffTrustedOrigins(request: Request | undefined, pinnedUrl = configuredPublicUrl()): string[] {
  if (pinnedUrl) return loopbackAliases(pinnedUrl);
  return request ? requestOrigins(request) : [];
}
