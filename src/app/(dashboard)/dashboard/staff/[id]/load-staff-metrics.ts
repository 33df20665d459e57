import { forbidden, notFound } from 'next/navigation';
import { cache } from 'react';

import type { Actor } from '@/lib/types';
import { ForbiddenError, NotFoundError } from '@/services/errors';
import { getStaffMetrics, type StaffMetrics } from '@/services/staff-metrics';

import { withPeriodFallback } from '../period-params';

/**
 * The member's figures for this request (shared by metadata and page): the not-found page for an unknown id, 403 for
 * a member the actor may not see.
 */
export const loadStaffMetrics = cache(async (actor: Actor, id: string, from?: string, to?: string): Promise<{ result: StaffMetrics; periodError: string | null }> => {
  try {
    return await withPeriodFallback((query) => getStaffMetrics({ actor, id, query }), { from, to });
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof ForbiddenError) forbidden();
    throw error;
  }
});
