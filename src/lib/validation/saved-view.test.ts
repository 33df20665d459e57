import { describe, expect, it } from 'vitest';

import { normaliseListQuery, savedViewCreateSchema } from './saved-view';

const GROUP = '0b4f7c1e-5d6a-4f7e-9a1b-2c3d4e5f6a7b';

describe('normaliseListQuery', () => {
  it('writes the customer list schema’s keys in its order, whatever order the URL had', () => {
    expect(normaliseListQuery('customers', `?sort=name:asc&tag=london&groupId=${GROUP}&q=ada`)).toBe(`q=ada&groupId=${GROUP}&tag=london&sort=name%3Aasc`);
  });

  it('drops the cursor, the paging keys, unknown keys and blanks', () => {
    expect(normaliseListQuery('customers', 'tag=london&cursor=abc&prev=x.y&page=3&utm_source=mail&q=%20%20')).toBe('tag=london');
  });

  it('drops a value its schema reads as the default: the default sort and page size are the whole list', () => {
    expect(normaliseListQuery('customers', 'sort=createdAt:desc&limit=50')).toBe('');
    expect(normaliseListQuery('customers', 'sort=createdAt:asc&limit=100')).toBe('sort=createdAt%3Aasc&limit=100');
    // The orders list shows 25 a page unless told otherwise (the API's default is 50): a view of 50 keeps its size.
    expect(normaliseListQuery('orders', 'limit=25')).toBe('');
    expect(normaliseListQuery('orders', 'limit=50')).toBe('limit=50');
  });

  it('keeps values as the URL writes them, even those the schema refuses, so a stale view still opens and shows its error', () => {
    expect(normaliseListQuery('customers', 'minSpend=19.99&lastOrderAfter=2024-05-01&groupId=not-a-group')).toBe('groupId=not-a-group&minSpend=19.99&lastOrderAfter=2024-05-01');
  });

  it('reads the orders list by its own schema', () => {
    expect(normaliseListQuery('orders', { placedBefore: '2025-01-31', status: 'completed', cursor: 'c', q: 'ignored' })).toBe('status=completed&placedBefore=2025-01-31');
  });

  it('gives the same text for the same list reached by two URLs', () => {
    expect(normaliseListQuery('customers', 'tag=vip&sort=name:asc&page=2&cursor=abc')).toBe(normaliseListQuery('customers', new URLSearchParams('sort=name%3Aasc&tag=vip')));
  });
});

describe('savedViewCreateSchema', () => {
  it('needs a name of 1 to 40 characters, trimmed', () => {
    expect(savedViewCreateSchema.safeParse({ list: 'customers', name: '   ' }).error?.issues[0]).toMatchObject({ path: ['name'], message: 'Name the view' });
    expect(savedViewCreateSchema.safeParse({ list: 'customers', name: 'x'.repeat(41) }).error?.issues[0].path).toEqual(['name']);
    expect(savedViewCreateSchema.parse({ list: 'customers', name: `  ${'x'.repeat(40)}  ` }).name).toHaveLength(40);
  });

  it('names an unknown list', () => {
    expect(savedViewCreateSchema.safeParse({ list: 'discounts', name: 'A' }).error?.issues[0].path).toEqual(['list']);
  });
});
