import { describe, expect, it } from 'vitest';

import { tagTooLong } from './customer-tags-input';

describe('tagTooLong', () => {
  it('names a tag over 40 characters while it is typed', () => {
    expect(tagTooLong('x'.repeat(41))).toBe(`“${'x'.repeat(24)}…” is 41 characters: a tag is at most 40`);
    expect(tagTooLong(`vip, ${'wholesale-'.repeat(5)}`)).toContain('is 50 characters');
  });

  it('lets a tag of 40 characters or fewer through', () => {
    expect(tagTooLong('x'.repeat(40))).toBeNull();
    expect(tagTooLong('  vip  ')).toBeNull();
    expect(tagTooLong('')).toBeNull();
  });
});
