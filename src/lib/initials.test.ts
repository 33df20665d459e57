import { describe, expect, it } from 'vitest';

import { initials } from './initials';

describe('initials', () => {
  it('takes the first letter of the first and last words', () => {
    expect(initials('ada', 'lovelace')).toBe('AL');
    expect(initials('Mary Ann Smith')).toBe('MS');
    expect(initials('Zoë')).toBe('Z');
  });

  it('keeps a leading emoji whole instead of half a surrogate pair', () => {
    expect(initials('🦊Zed', 'Fox')).toBe('🦊F');
    expect(initials('👩‍👩‍👧 Family')).toBe('👩‍👩‍👧F');
    expect(initials('🦊Zed', 'Fox')).not.toContain('\uFFFD');
  });

  it('keeps a letter with a combining accent', () => {
    expect(initials('e\u0301lodie', '')).toBe('E\u0301');
  });

  it('answers ? when there is no name', () => {
    expect(initials('', '  ')).toBe('?');
  });
});
