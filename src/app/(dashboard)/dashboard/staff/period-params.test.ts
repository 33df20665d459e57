import { describe, expect, it } from 'vitest';

import { formatDate } from '@/lib/format';
import { resolveStaffPeriod } from '@/lib/validation/staff-metrics';
import { ValidationFailedError } from '@/services/errors';

import { withPeriodFallback } from './period-params';

describe('withPeriodFallback', () => {
  it('says which dates it shows instead of a period whose end is before its start', async () => {
    const load = async (query: { from?: string; to?: string }) => {
      if (query.from && query.to && query.to < query.from) throw new ValidationFailedError('Bad period', [{ path: 'to', message: 'The end is before the start' }]);
      return resolveStaffPeriod(query);
    };
    const { result, periodError } = await withPeriodFallback(load, { from: '2026-05-01', to: '2026-02-01' });
    const shown = resolveStaffPeriod({});
    expect(result).toEqual(shown);
    expect(periodError).toBe(
      `That period could not be used (To: The end is before the start), so this shows ${formatDate(`${shown.from}T12:00:00Z`)} to ${formatDate(`${shown.to}T12:00:00Z`)} instead.`,
    );
    expect(periodError).not.toContain('last 12 months');
  });

  it('loads the period asked for when it is valid', async () => {
    expect(await withPeriodFallback(async (query) => query, { from: '2026-01-01', to: '2026-02-01' })).toEqual({ result: { from: '2026-01-01', to: '2026-02-01' }, periodError: null });
  });
});
