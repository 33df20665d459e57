import { describe, expect, it } from 'vitest';

import { customersExportHref, toExportQuery } from './customers-export-href';
import { readListParams, toListQuery } from './customers-list-query';

describe('customersExportHref', () => {
  it("carries the list URL's filters in the service's units and its sort, but not its page", () => {
    const params = readListParams(new URLSearchParams('q=ada&tag=vip&minSpend=19.99&lastOrderAfter=2024-05-01&sort=name:asc&cursor=abc&page=3'));
    const query = toExportQuery(toListQuery(params, 'GBP').query);
    expect(query).toEqual({ q: 'ada', tag: 'vip', minSpend: '1999', lastOrderAfter: '2024-05-01T00:00:00.000Z', sort: 'name:asc' });
    const url = new URL(customersExportHref(query, 'full'), 'http://shop.test');
    expect(url.pathname).toBe('/api/v1/customers/export.csv');
    expect(Object.fromEntries(url.searchParams)).toEqual({ ...query, format: 'full' });
  });

  it('adds the selected ids, comma-separated', () => {
    const url = new URL(customersExportHref({ sort: 'createdAt:desc' }, 'shopify', ['a', 'b']), 'http://shop.test');
    expect(url.searchParams.get('ids')).toBe('a,b');
    expect(url.searchParams.get('format')).toBe('shopify');
  });
});
