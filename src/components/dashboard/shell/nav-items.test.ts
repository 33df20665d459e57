import { describe, expect, it } from 'vitest';

import { currentNavHref, NAV_SECTIONS } from './nav-items';

const hrefs = NAV_SECTIONS.flatMap((section) => section.items.map((item) => item.href));

describe('currentNavHref', () => {
  it('marks one item: the closest one the page is under', () => {
    expect(currentNavHref('/dashboard/customers/suggestions', hrefs)).toBe('/dashboard/customers/suggestions');
    expect(currentNavHref('/dashboard/customers/3f0c4a5e-0000-4000-8000-000000000000/edit', hrefs)).toBe('/dashboard/customers');
    expect(currentNavHref('/dashboard/customers', hrefs)).toBe('/dashboard/customers');
    expect(currentNavHref('/dashboard/settings/metrics', hrefs)).toBe('/dashboard/settings/metrics');
  });

  it('marks the overview only on itself, and nothing on a page no item leads to', () => {
    expect(currentNavHref('/dashboard', hrefs)).toBe('/dashboard');
    expect(currentNavHref('/dashboard/profile', hrefs)).toBeNull();
    expect(currentNavHref('/dashboard/customersx', hrefs)).toBeNull();
  });
});
