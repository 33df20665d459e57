import { describe, expect, it } from 'vitest';

import { DEFAULT_AFTER_STORE_SIGN_IN, safeStoreNextPath } from './safe-next-path';

describe('safeStoreNextPath', () => {
  it.each([
    ['/store/account/orders?page=2', '/store/account/orders?page=2'],
    ['/store/account/addresses#new', '/store/account/addresses#new'],
    ['/store', '/store'],
  ])('keeps the storefront path %s', (next, expected) => {
    expect(safeStoreNextPath(next)).toBe(expected);
  });

  it.each([
    [undefined],
    [''],
    ['https://evil.example/store/account'],
    ['//evil.example/store'],
    ['/\\evil.example/store'],
    ['javascript:alert(1)'],
    ['store/account'],
    ['/dashboard/customers'],
    ['/storex'],
    ['/api/store/auth/sign-out'],
    ['/store/sign-in?next=/store/account'],
    ['/store/verify-email'],
  ])('falls back to the account page for %j', (next) => {
    expect(safeStoreNextPath(next)).toBe(DEFAULT_AFTER_STORE_SIGN_IN);
  });

  it('takes the first of repeated parameters', () => {
    expect(safeStoreNextPath(['/store/account/orders', '//evil.example'])).toBe('/store/account/orders');
  });
});
