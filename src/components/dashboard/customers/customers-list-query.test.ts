import { describe, expect, it } from 'vitest';

import {
  activeFilterChips,
  firstPageParams,
  listHref,
  nextPageParams,
  pageNumber,
  parseSort,
  PREVIOUS_CURSORS_MAX,
  previousPageParams,
  readListParams,
  toListQuery,
  withQuery,
  withoutFilters,
} from './customers-list-query';

describe('readListParams', () => {
  it('keeps known, non-blank parameters and the first of repeated ones', () => {
    expect(readListParams({ q: ' ann ', tag: ['vip', 'gift'], groupId: '', other: 'x' })).toEqual({ q: 'ann', tag: 'vip' });
    expect(readListParams(new URLSearchParams('sort=name:asc&cursor=abc'))).toEqual({ sort: 'name:asc', cursor: 'abc' });
  });
});

describe('toListQuery', () => {
  it('converts spend typed in major units to minor units of the currency', () => {
    const { query, errors } = toListQuery({ minSpend: '19.99', maxSpend: '1,000' }, 'GBP');
    expect(errors).toEqual([]);
    expect(query).toMatchObject({ minSpend: 1999, maxSpend: 100000 });
    expect(toListQuery({ minSpend: '500' }, 'JPY').query.minSpend).toBe(500);
  });

  it('makes the last-order range include both of its days', () => {
    const { query } = toListQuery({ lastOrderAfter: '2025-03-01', lastOrderBefore: '2025-03-31' }, 'GBP');
    expect(query.lastOrderAfter).toBe('2025-03-01T00:00:00.000Z');
    expect(query.lastOrderBefore).toBe('2025-03-31T23:59:59.999Z');
  });

  it('names each parameter it cannot read instead of throwing', () => {
    const { query, errors } = toListQuery({ minSpend: 'lots', maxSpend: '1.234', lastOrderAfter: '31/12/2024', tag: 'vip' }, 'GBP');
    expect(errors.map((e) => e.path)).toEqual(['minSpend', 'maxSpend', 'lastOrderAfter']);
    expect(query).toMatchObject({ minSpend: undefined, maxSpend: undefined, lastOrderAfter: undefined, tag: 'vip' });
  });

  it('reports what the service schema would refuse too, all at once', () => {
    const { errors } = toListQuery({ minSpend: 'x', groupId: 'not-a-group', q: 'a'.repeat(201) }, 'GBP');
    expect(errors.map((e) => e.path).sort()).toEqual(['groupId', 'minSpend', 'q']);
  });

  it('refuses ranges that end before they start', () => {
    const { errors } = toListQuery({ minSpend: '100', maxSpend: '50', lastOrderAfter: '2025-02-01', lastOrderBefore: '2025-01-01' }, 'GBP');
    expect(errors.map((e) => e.path)).toEqual(['maxSpend', 'lastOrderBefore']);
  });

  it('falls back to the default sort for an unknown one', () => {
    expect(toListQuery({ sort: 'name:sideways' }, 'GBP').query.sort).toBe('createdAt:desc');
    expect(parseSort('totalSpend:asc')).toEqual({ value: 'totalSpend:asc', field: 'totalSpend', isDescending: false });
  });
});

describe('listHref and withQuery', () => {
  it('writes parameters in a stable order without blanks', () => {
    expect(listHref({ sort: 'name:asc', q: 'ann', tag: '' })).toBe('/dashboard/customers?q=ann&sort=name%3Aasc');
    expect(listHref({})).toBe('/dashboard/customers');
  });

  it('starts again at the first page when the query changes, and drops cleared values', () => {
    const params = { q: 'ann', tag: 'vip', cursor: 'c3', prev: 'c2', page: '3' };
    expect(withQuery(params, { q: 'bob', tag: '' })).toEqual({ q: 'bob' });
    expect(withoutFilters({ ...params, sort: 'name:asc' })).toEqual({ sort: 'name:asc' });
  });
});

describe('cursor paging', () => {
  it('walks forward and back through the pages it has seen', () => {
    const first = { q: 'a' };
    const second = nextPageParams(first, 'c2');
    const third = nextPageParams(second, 'c3');
    expect(second).toMatchObject({ cursor: 'c2', page: '2', prev: undefined });
    expect(third).toMatchObject({ cursor: 'c3', prev: 'c2', page: '3' });
    expect(previousPageParams(third)).toEqual({ ...second, prev: undefined });
    expect(previousPageParams(second)).toEqual(first);
    expect(previousPageParams(first)).toBeNull();
    expect(firstPageParams(third)).toEqual(first);
  });

  it('keeps only the last few cursors, then offers the first page only', () => {
    let params = {};
    for (let page = 2; page <= PREVIOUS_CURSORS_MAX + 4; page++) params = nextPageParams(params, `c${page}`);
    expect(pageNumber(params)).toBe(PREVIOUS_CURSORS_MAX + 4);
    let steps = 0;
    for (let previous = previousPageParams(params); previous; previous = previousPageParams(previous)) steps++;
    expect(steps).toBe(PREVIOUS_CURSORS_MAX);
  });

  it('does not know the page number of a cursor link without one', () => {
    expect(pageNumber({ cursor: 'c' })).toBeNull();
    expect(pageNumber({ cursor: 'c', page: '-1' })).toBeNull();
    expect(pageNumber({})).toBe(1);
  });
});

describe('activeFilterChips', () => {
  it('describes each filter in words', () => {
    const names = { groups: [{ id: 'g1', name: 'VIP' }], staff: [{ id: 's1', name: 'Ada' }], currency: 'GBP' };
    const chips = activeFilterChips(
      { q: 'x', groupId: 'g1', tag: 'gift', minSpend: '100', maxSpend: 'oops', lastOrderAfter: '2025-03-03', createdById: 's1' },
      names,
    );
    expect(chips.map((c) => c.label)).toEqual([
      'Group: VIP',
      'Tag: gift',
      'Spent ≥ £100.00',
      'Spent ≤ oops',
      'Last order from 3 Mar 2025',
      'Created by Ada',
    ]);
    expect(activeFilterChips({ groupId: 'none' }, names)[0].label).toBe('No group');
  });
});

describe('the segment, country, consent, account and order filters', () => {
  const names = { groups: [], staff: [], currency: 'GBP' };

  it('describes each in words, as removable chips', () => {
    const chips = activeFilterChips(
      { rfmSegment: 'At risk', country: 'FR', emailConsent: 'yes', smsConsent: 'no', hasAccount: 'yes', minOrders: '2', maxOrders: '5', neverOrdered: 'no' },
      names,
    );
    expect(chips.map((c) => c.label)).toEqual([
      'Segment: At risk',
      'Ships to France',
      'Email marketing: yes',
      'SMS marketing: no',
      'Has a store account',
      'Orders ≥ 2',
      'Orders ≤ 5',
      'Has ordered',
    ]);
    // A hand-edited country that is no code is shown as typed, not thrown on.
    expect(activeFilterChips({ country: '12345' }, names)[0].label).toBe('Ships to 12345');
  });

  it('passes them to the service, and names the ones it cannot use', () => {
    const { query, errors } = toListQuery({ rfmSegment: 'Lost', country: 'gb', neverOrdered: 'yes', minOrders: '1' }, 'GBP');
    expect(errors).toEqual([]);
    expect(query).toMatchObject({ rfmSegment: 'Lost', country: 'gb', neverOrdered: 'yes', minOrders: '1' });
    const bad = toListQuery({ rfmSegment: 'Whales', emailConsent: 'maybe', minOrders: 'lots', country: 'ZZ' }, 'GBP');
    expect(bad.errors.map((e) => e.path).sort()).toEqual(['country', 'emailConsent', 'minOrders', 'rfmSegment']);
  });

  it('refuses an order range that ends before it starts, on its upper end', () => {
    expect(toListQuery({ minOrders: '5', maxOrders: '2' }, 'GBP').errors).toEqual([{ path: 'maxOrders', message: 'Max orders is less than min orders' }]);
  });
});

describe('page size', () => {
  it('reads an offered size from the URL, else the default of 50', () => {
    expect(toListQuery({ limit: '200' }, 'GBP').query.limit).toBe(200);
    expect(toListQuery({ limit: '7' }, 'GBP').query.limit).toBe(50);
    expect(toListQuery({}, 'GBP').query.limit).toBe(50);
  });

  it('is kept when paging and when filters are cleared, and a change starts again at the first page', () => {
    const next = nextPageParams({ limit: '100', tag: 'vip' }, 'c2');
    expect(next).toMatchObject({ limit: '100', cursor: 'c2' });
    expect(withoutFilters({ limit: '100', tag: 'vip', sort: 'name:asc' })).toEqual({ limit: '100', sort: 'name:asc' });
    expect(withQuery({ ...next, limit: '100' }, { limit: '25' })).toEqual({ limit: '25', tag: 'vip' });
    expect(listHref({ q: 'ada', limit: '25', sort: 'name:asc' })).toBe('/dashboard/customers?q=ada&sort=name%3Aasc&limit=25');
  });
});
