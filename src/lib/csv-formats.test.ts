import { describe, expect, it } from 'vitest';

import { guardFormula, unguardFormula } from './csv-formats';

describe('the formula guard', () => {
  it.each(['=SUM(A1)', '+44 7911', '-5', '@home', '\tx', "'t Hooft", "''", 'plain', "it's"])('gives %j back after a round trip', (value) => {
    expect(unguardFormula(guardFormula(value))).toBe(value);
  });

  it('guards formula starts and leading apostrophes, and leaves other text alone', () => {
    expect(guardFormula('=1+1')).toBe("'=1+1");
    expect(guardFormula("'t Hooft")).toBe("''t Hooft");
    expect(guardFormula('Ada')).toBe('Ada');
  });

  it("keeps a person's own leading apostrophe when a file from elsewhere has one", () => {
    expect(unguardFormula("'t Hooft")).toBe("'t Hooft");
  });
});
