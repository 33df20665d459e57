import { describe, expect, it } from 'vitest';

import { DEFAULT_AFTER_SIGN_IN, safeNextPath } from './safe-next-path';

describe('safeNextPath', () => {
  it.each([
    ['/dashboard/customers?q=ann&sort=name:asc', '/dashboard/customers?q=ann&sort=name:asc'],
    ['/dashboard/settings/api-keys', '/dashboard/settings/api-keys'],
    ['/dashboard', '/dashboard'],
  ])('keeps the dashboard path %s', (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });

  it.each([
    [undefined],
    [''],
    ['https://evil.example/dashboard'],
    ['//evil.example/dashboard'],
    ['/\\evil.example/dashboard'],
    ['javascript:alert(1)'],
    ['dashboard/customers'],
    ['/store/account'],
    ['/dashboardx'],
    ['/api/auth/sign-out'],
  ])('falls back to the customer list for %j', (next) => {
    expect(safeNextPath(next)).toBe(DEFAULT_AFTER_SIGN_IN);
  });

  it('takes the first of repeated parameters', () => {
    expect(safeNextPath(['/dashboard/settings', '//evil.example'])).toBe('/dashboard/settings');
  });
});
