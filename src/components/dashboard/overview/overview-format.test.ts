import { describe, expect, it } from 'vitest';

import { changeOnSameSpan, daySpanLabel } from './overview-format';

const NOV_1_TO_5 = { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-11-05T10:00:00Z') };

describe('changeOnSameSpan', () => {
  it('names the days of last month it compares with', () => {
    expect(changeOnSameSpan(5, 11, NOV_1_TO_5)).toBe('−6 (−55%) vs 1–5 Nov (11)');
    expect(changeOnSameSpan(12, 9, NOV_1_TO_5)).toBe('+3 (+33%) vs 1–5 Nov (9)');
    expect(changeOnSameSpan(2, 0, NOV_1_TO_5)).toBe('+2 vs 1–5 Nov (0)');
    expect(changeOnSameSpan(4, 4, NOV_1_TO_5)).toBe('Same as 1–5 Nov (4)');
  });

  it('prints one day once and a whole short month to its last day', () => {
    expect(daySpanLabel(new Date('2026-11-01T00:00:00Z'), new Date('2026-11-01T08:00:00Z'))).toBe('1 Nov');
    expect(daySpanLabel(new Date('2026-02-01T00:00:00Z'), new Date('2026-02-28T23:59:59.999Z'))).toBe('1–28 Feb');
  });
});
