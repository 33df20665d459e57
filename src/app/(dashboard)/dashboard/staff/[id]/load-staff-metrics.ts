import { cache } from 'react';

import { orNotFound } from '@/http/not-found';
import type { Actor } from '@/lib/types';
import { getStaffMetrics, type StaffMetrics } from '@/services/staff-metrics';

import { withPeriodFallback } from '../period-params';

/**
 * The member's figures for this request (shared by metadata and page): the not-found page for an unknown id, 403 for
 * a member the actor may not see.
 */
export const loadStaffMetrics = cache((actor: Actor, id: string, from?: string, to?: string): Promise<{ result: StaffMetrics; periodError: string | null }> => orNotFound(withPeriodFallback((query) => getStaffMetrics({ actor, id, query }), { from, to })));
