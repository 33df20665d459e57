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

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** BETTER_AUTH_TRUSTED_ORIGINS, as better-auth reads it: further origins allowed to sign in and to write. */
function extraTrustedOrigins(value = process.env.BETTER_AUTH_TRUSTED_ORIGINS): string[] {
  return (value ?? '').split(',').map((origin) => origin.trim().replace(/\/+$/, '').toLowerCase()).filter(Boolean);
}

/**
 * Whether a write authenticated by a cookie comes from this app: its Origin (or, without one, its Referer's origin)
 * is one of the trusted origins. SameSite cookies and JSON-only bodies already keep other sites out; this holds even
 * if one of those defaults changes. A request with neither header is not from a browser page (browsers send Origin
 * on every cross-site write), so it passes, as do safe methods.
 */
export function isTrustedCookieWrite(request: Request): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return true;
  const referer = request.headers.get('referer');
  const origin = request.headers.get('origin') ?? (referer && URL.canParse(referer) ? new URL(referer).origin : null);
  if (origin === null) return true;
  const trusted = [...staffTrustedOrigins(request), ...extraTrustedOrigins()].map((value) => value.toLowerCase());
  return trusted.includes(origin.toLowerCase());
}
