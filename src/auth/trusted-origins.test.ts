import { describe, expect, it } from 'vitest';

import { loopbackAliases, requestOrigins, staffTrustedOrigins } from './trusted-origins';

// Next.js started with `-H 0.0.0.0` hands route handlers a URL on the bind address, not the address the browser used.
const BOUND = 'http://0.0.0.0:3000/api/auth/sign-in/email';

function request(headers: Record<string, string>, url = BOUND): Request {
  return new Request(url, { method: 'POST', headers });
}

describe('requestOrigins', () => {
  it('names the address the browser used, from the Host header', () => {
    expect(requestOrigins(request({ host: '127.0.0.1:3000' }))).toContain('http://127.0.0.1:3000');
    expect(requestOrigins(request({ host: 'LocalHost:3000' }))).toContain('http://localhost:3000');
  });

  it("behind a proxy, names the public host and scheme the proxy forwarded", () => {
    const origins = requestOrigins(request({ host: 'app:3000', 'x-forwarded-host': 'shop.example.com, app:3000', 'x-forwarded-proto': 'https' }));
    expect(origins[0]).toBe('https://shop.example.com');
  });

  it('ignores a Host header that would read as a wildcard or carries more than a host', () => {
    expect(requestOrigins(request({ host: '*' }))).toEqual(['http://0.0.0.0:3000']);
    expect(requestOrigins(request({ host: '*.example.com' }))).toEqual(['http://0.0.0.0:3000']);
    expect(requestOrigins(request({ host: 'a.test', 'x-forwarded-host': 'evil.test/path', 'x-forwarded-proto': 'javascript' }))).toEqual([
      'http://a.test',
      'http://0.0.0.0:3000',
    ]);
  });
});

describe('staffTrustedOrigins', () => {
  it('without a pinned URL, trusts the address the request was made to, and nothing else', () => {
    expect(staffTrustedOrigins(request({ host: 'localhost:3000' }), '')).toEqual(['http://localhost:3000', 'http://0.0.0.0:3000']);
  });

  it("with BETTER_AUTH_URL pinned, ignores the request's host and adds only the pinned loopback address's other names", () => {
    expect(staffTrustedOrigins(request({ host: 'evil.test' }), 'http://localhost:3000')).toEqual([
      'http://localhost:3000',
      'http://127.0.0.1:3000',
      'http://[::1]:3000',
    ]);
    expect(staffTrustedOrigins(request({ host: 'evil.test' }), 'https://shop.example.com')).toEqual([]);
  });

  it('adds nothing for a malformed pinned URL instead of failing every request', () => {
    expect(loopbackAliases('localhost:3000')).toEqual([]);
  });
});
