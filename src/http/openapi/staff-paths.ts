import type { z } from 'zod';

import { staffMetricsQuerySchema } from '@/lib/validation/staff-metrics';

import { jsonResponse, problems, queryParametersOf, ref } from './operations';
import { staffMetricsSchema, staffPerformanceListSchema } from './staff-schemas';

type PeriodParam = keyof z.input<typeof staffMetricsQuerySchema>;

const PERIOD_PARAMETERS: Record<PeriodParam, string> = {
  from: 'First day of the period (UTC, included); default: the first day of the month 11 months before `to`',
  to: 'Last day of the period (UTC, included); default: today. At most 120 calendar months after `from`',
};

export const STAFF_TAG = {
  name: 'Staff',
  description:
    'Staff performance: the customers a member created by hand in a period, and the revenue (completed orders less refunds) and ' +
    'orders those customers placed in the same period. Owners see everyone, admins everyone but owners, the staff role only ' +
    'themselves; a staff-role API key belongs to no member and sees no one.',
};

const STAFF = [STAFF_TAG.name];
const period = () => queryParametersOf(staffMetricsQuerySchema, PERIOD_PARAMETERS, ['from', 'to']);

/** Path parameters the staff paths declare, for components.parameters (staff ids are text, not UUIDs). */
export const staffParameters = () => ({ StaffId: { name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: 'The staff member id' } });

/** Response schemas of the staff paths, for components.schemas (output side). */
export const staffOutputSchemas = () => ({ StaffPerformanceList: staffPerformanceListSchema, StaffMetrics: staffMetricsSchema });

/** The paths of staff performance. */
export function staffPaths() {
  return {
    '/staff': {
      get: {
        operationId: 'listStaffPerformance',
        tags: STAFF,
        summary: 'Staff members with their customers acquired and revenue for a period',
        description: 'Best revenue first. Only the members the caller may see (see the tag).',
        parameters: period(),
        responses: { 200: jsonResponse('The members and their figures', 'StaffPerformanceList'), ...problems(422) },
      },
    },
    '/staff/{id}/metrics': {
      parameters: [ref('parameters', 'StaffId')],
      get: {
        operationId: 'getStaffMetrics',
        tags: STAFF,
        summary: "One member's acquired customers and what they brought, per month",
        description: "403 for another member's figures (staff role) or an owner's (admin); 404 for an unknown id.",
        parameters: period(),
        responses: { 200: jsonResponse('The figures', 'StaffMetrics'), ...problems(403, 404, 422) },
      },
    },
  };
}
