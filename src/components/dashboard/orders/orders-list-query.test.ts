import { describe, expect, it } from 'vitest';

import {
  activeFilterChips,
  firstPageParams,
  isDay,
  nextPageParams,
  ordersListHref,
  parseOrderSort,
  PREVIOUS_CURSORS_MAX,
  previousPageParams,
  readOrdersListParams,
  toOrdersListQuery,
  withFilters,
} from './orders-list-query';

const CUSTOMER = '0190b1d2-7c1a-7b3e-8f00-000000000001';

describe('readOrdersListParams', () => {
  it('keeps known, non-blank parameters and the first of repeated ones', () => {
    expect(readOrdersListParams({ status: ['completed', 'pending'], customerId: ' ', q: 'x' })).toEqual({ status: 'completed' });
    expect(readOrdersListParams(new URLSearchParams(`customerId=${CUSTOMER}&cursor=abc`))).toEqual({ customerId: CUSTOMER, cursor: 'abc' });
  });
});

describe('toOrdersListQuery', () => {
  it('makes the placed-date range include both of its days', () => {
    const { query, errors } = toOrdersListQuery({ placedAfter: '2025-03-01', placedBefore: '2025-03-31', status: 'refunded' });
    expect(errors).toEqual([]);
    expect(query).toMatchObject({ placedAfter: '2025-03-01T00:00:00.000Z', placedBefore: '2025-03-31T23:59:59.999Z', status: 'refunded' });
  });

  it('names every parameter it cannot use, all at once, instead of throwing', () => {
    const { errors } = toOrdersListQuery({ status: 'shipped', customerId: 'ada', placedAfter: '31/12/2024', placedBefore: '2025-02-30' });
    expect(errors.map((e) => e.path).sort()).toEqual(['customerId', 'placedAfter', 'placedBefore', 'status']);
    expect(errors.find((e) => e.path === 'customerId')?.message).toBe('This customer link is not valid');
  });

  it('refuses a range that ends before it starts', () => {
    const { errors } = toOrdersListQuery({ placedAfter: '2025-02-01', placedBefore: '2025-01-31' });
    expect(errors).toEqual([{ path: 'placedBefore', message: 'This date is before the “from” date' }]);
  });

  it('accepts real calendar days only', () => {
    expect(['2024-02-29', '2025-12-31'].map(isDay)).toEqual([true, true]);
    expect(['2025-02-29', '2025-13-01', '2025-1-01', ''].map(isDay)).toEqual([false, false, false, false]);
  });
});

describe('paging and filter URLs', () => {
  it('starts again at the first page when a filter changes, and drops emptied filters', () => {
    const params = { status: 'completed', customerId: CUSTOMER, cursor: 'c2', prev: 'c1', page: '3' };
    expect(withFilters(params, { status: '' })).toEqual({ customerId: CUSTOMER });
    expect(ordersListHref(withFilters(params, { placedAfter: '2025-01-01' }))).toBe(`/dashboard/orders?status=completed&customerId=${CUSTOMER}&placedAfter=2025-01-01`);
    expect(firstPageParams(params)).toEqual({ status: 'completed', customerId: CUSTOMER });
  });

  it('goes forward and back through pages, keeping the filters', () => {
    const page1 = { status: 'pending' };
    const page2 = nextPageParams(page1, 'c1');
    const page3 = nextPageParams(page2, 'c2');
    expect(page3).toEqual({ status: 'pending', cursor: 'c2', prev: 'c1', page: '3' });
    expect(previousPageParams(page3)).toEqual({ status: 'pending', cursor: 'c1', page: '2' });
    expect(previousPageParams(page2)).toEqual(page1);
    expect(previousPageParams(page1)).toBeNull();
  });

  it('remembers only the last few cursors, so Previous runs out on very deep pages', () => {
    let params: Record<string, string | undefined> = {};
    for (let i = 1; i <= PREVIOUS_CURSORS_MAX + 3; i++) params = nextPageParams(params, `c${i}`);
    expect(params.prev?.split('.')).toHaveLength(PREVIOUS_CURSORS_MAX);
    for (let i = 0; i < PREVIOUS_CURSORS_MAX; i++) params = previousPageParams(params)!;
    expect(previousPageParams(params)).toBeNull();
  });
});

describe('activeFilterChips', () => {
  it('says each filter in words', () => {
    const chips = activeFilterChips({ status: 'partially_refunded', customerId: CUSTOMER, placedAfter: '2025-03-03', cursor: 'x' }, { customerName: 'Ada Lovelace' });
    expect(chips).toEqual([
      { key: 'status', label: 'Status: Partially refunded' },
      { key: 'customerId', label: 'Customer: Ada Lovelace' },
      { key: 'placedAfter', label: 'Placed from 3 Mar 2025' },
    ]);
  });
});

describe('sort and page size', () => {
  it('reads an offered sort and size, else newest first and 25 per page', () => {
    expect(toOrdersListQuery({ sort: 'total:asc', limit: '100' }).query).toMatchObject({ sort: 'total:asc', limit: 100 });
    expect(toOrdersListQuery({ sort: 'password:asc', limit: '1000' }).query).toMatchObject({ sort: 'placedAt:desc', limit: 25 });
    expect(parseOrderSort(undefined)).toBe('placedAt:desc');
  });

  it('keeps both when paging, and a change of either starts again at the first page', () => {
    const next = nextPageParams({ sort: 'customer:asc', limit: '50', status: 'completed' }, 'c2');
    expect(next).toMatchObject({ sort: 'customer:asc', limit: '50', cursor: 'c2' });
    expect(withFilters(next, { sort: 'total:desc' })).toEqual({ sort: 'total:desc', limit: '50', status: 'completed' });
    expect(ordersListHref({ status: 'pending', sort: 'status:asc', limit: '200' })).toBe('/dashboard/orders?status=pending&sort=status%3Aasc&limit=200');
  });
});
